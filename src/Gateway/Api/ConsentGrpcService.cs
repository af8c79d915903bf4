using Gateway.Pipeline;
using Gateway.Requests;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>The <c>gateway.v1.ConsentService</c> endpoint: consent and opt-outs per debtor, channel and contact point.</summary>
internal sealed class ConsentGrpcService(GuardrailStore store) : ConsentService.ConsentServiceBase
{
    public override async Task<RecordConsentResponse> RecordConsent(RecordConsentRequest request, ServerCallContext context)
    {
        var record = await SetAsync(request.Subject, granted: true, context).ConfigureAwait(false);
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

    private Task<ConsentRecord> SetAsync(ConsentSubject? subject, bool granted, ServerCallContext context)
    {
        var (debtorId, channel, contact) = Validate(subject);
        var tenant = context.GetTenant();
        return StoreCall(() => store.SetConsentAsync(tenant.Id, debtorId, channel, contact, granted, context.CancellationToken));
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
