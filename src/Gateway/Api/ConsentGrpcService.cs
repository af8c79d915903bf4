using Gateway.Decisions;
using Gateway.Guards.StatedPreferences;
using Gateway.Requests;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>
/// The <c>gateway.v1.ConsentService</c> endpoint: consent and opt-outs per debtor, channel and
/// contact point; the debtor's stated contact preferences per debtor.
/// </summary>
internal sealed class ConsentGrpcService(GuardrailStore store) : ConsentService.ConsentServiceBase
{
    public override async Task<RecordConsentResponse> RecordConsent(RecordConsentRequest request, ServerCallContext context)
    {
        var record = await SetAsync(request.Subject, granted: true, context).ConfigureAwait(false);
        if (record.RefusedBy is { } source)
        {
            throw RpcErrors.OptedOutByPerson(source);
        }

        return new RecordConsentResponse { State = record.State, RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt!.Value) };
    }

    public override async Task<RevokeConsentResponse> RevokeConsent(RevokeConsentRequest request, ServerCallContext context)
    {
        var record = await SetAsync(request.Subject, granted: false, context).ConfigureAwait(false);
        return new RevokeConsentResponse { State = record.State, RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt!.Value) };
    }

    public override async Task<GetConsentResponse> GetConsent(GetConsentRequest request, ServerCallContext context)
    {
        var (debtorId, channel, contact) = Validate(request.Subject);
        var tenant = context.GetTenant();
        var record = await StoreCall(() => store.GetConsentAsync(tenant.Id, debtorId, channel, contact, context.CancellationToken)).ConfigureAwait(false);
        var response = new GetConsentResponse { State = record.State };
        if (record.RecordedAt is { } at)
        {
            response.RecordedAt = Timestamp.FromDateTimeOffset(at);
        }

        return response;
    }

    public override async Task<SetContactPreferencesResponse> SetContactPreferences(SetContactPreferencesRequest request, ServerCallContext context)
    {
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        ValidateDebtor(request.DebtorId, violations);
        var preferences = ContactPreferencesValidator.Validate(request.Preferences, "preferences", violations);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        var tenant = context.GetTenant();
        var recorded = await StoreCall(() => store.SetPreferencesAsync(tenant.Id, request.DebtorId, preferences!, context.CancellationToken)).ConfigureAwait(false);
        return new SetContactPreferencesResponse { Preferences = ToProto(recorded.Preferences), RecordedAt = Timestamp.FromDateTimeOffset(recorded.RecordedAt) };
    }

    public override async Task<GetContactPreferencesResponse> GetContactPreferences(GetContactPreferencesRequest request, ServerCallContext context)
    {
        ValidateDebtor(request.DebtorId);
        var tenant = context.GetTenant();
        var recorded = await StoreCall(() => store.GetPreferencesAsync(tenant.Id, request.DebtorId, context.CancellationToken)).ConfigureAwait(false);
        return recorded is null
            ? new GetContactPreferencesResponse()
            : new GetContactPreferencesResponse { Preferences = ToProto(recorded.Preferences), RecordedAt = Timestamp.FromDateTimeOffset(recorded.RecordedAt) };
    }

    public override async Task<ClearContactPreferencesResponse> ClearContactPreferences(ClearContactPreferencesRequest request, ServerCallContext context)
    {
        ValidateDebtor(request.DebtorId);
        var tenant = context.GetTenant();
        var cleared = await StoreCall(() => store.ClearPreferencesAsync(tenant.Id, request.DebtorId, context.CancellationToken)).ConfigureAwait(false);
        return new ClearContactPreferencesResponse { Cleared = cleared };
    }

    private static ContactPreferences ToProto(DebtorPreferences preferences)
    {
        var proto = new ContactPreferences();
        proto.Channels.AddRange(preferences.Channels);
        proto.Windows.AddRange(preferences.Windows.Select(window => new StatedWindow
        {
            Days = { window.Days.Select(ContactWindowText.FormatDay) },
            From = ContactWindowText.FormatTime(window.From),
            To = ContactWindowText.FormatTime(window.To),
        }));
        return proto;
    }

    private static void ValidateDebtor(string debtorId, List<Google.Rpc.BadRequest.Types.FieldViolation>? violations = null)
    {
        if (ReminderValidator.IsIdentifier(debtorId))
        {
            return;
        }

        var violation = new Google.Rpc.BadRequest.Types.FieldViolation { Field = "debtor_id", Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" };
        if (violations is null)
        {
            throw RpcErrors.InvalidArgument([violation]);
        }

        violations.Add(violation);
    }

    private Task<ConsentRecord> SetAsync(ConsentSubject? subject, bool granted, ServerCallContext context)
    {
        var (debtorId, channel, contact) = Validate(subject);
        var tenant = context.GetTenant();
        return StoreCall(() => store.SetConsentAsync(tenant.Id, debtorId, channel, contact, granted, ConsentSource.Lender, context.CancellationToken));
    }

    private static (string DebtorId, Channel Channel, ContactPoint Contact) Validate(ConsentSubject? subject)
    {
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        if (subject is null)
        {
            throw RpcErrors.InvalidField("subject", "is required");
        }

        if (!ReminderValidator.IsIdentifier(subject.DebtorId))
        {
            violations.Add(new() { Field = "subject.debtor_id", Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" });
        }

        if (subject.Channel == Channel.Unspecified || !System.Enum.IsDefined(subject.Channel))
        {
            violations.Add(new() { Field = "subject.channel", Description = "must be set to a known channel" });
        }

        var contact = ReminderValidator.ValidateContact(subject.Channel, subject.ContactPoint, "subject.contact_point", violations);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        return (subject.DebtorId, subject.Channel, contact!);
    }

    private static Task<T> StoreCall<T>(Func<Task<T>> call) => RpcErrors.StoreCall(call, "The consent store");
}
