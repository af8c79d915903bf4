using Gateway.Rules;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lending.V1;

namespace Gateway.Sandbox.Lender;

/// <summary>The sandbox lender's <c>lending.v1.ContactVerificationService</c>: a contact point it does not know has unknown ownership.</summary>
internal sealed class ContactVerificationSandboxService(LenderLedger ledger, LenderFaults faults) : ContactVerificationService.ContactVerificationServiceBase
{
    public override async Task<VerifyContactResponse> VerifyContact(VerifyContactRequest request, ServerCallContext context)
    {
        var malformed = await faults.ApplyAsync(context).ConfigureAwait(false);
        if (malformed)
        {
            return new VerifyContactResponse { Ownership = (Ownership)42 };
        }

        var contact = ledger.Contact(request.DebtorId, request.ContactPoint);
        if (contact is null)
        {
            return new VerifyContactResponse { Ownership = Ownership.Unknown, Source = ContactSource.Unknown, Reassigned = ReassignedCheck.NotChecked };
        }

        var ownership = RuleNames.ParseOrUnspecified<Ownership>(contact.Ownership);
        var source = RuleNames.ParseOrUnspecified<ContactSource>(contact.Source);
        var reassigned = RuleNames.ParseOrUnspecified<ReassignedCheck>(contact.Reassigned);
        var response = new VerifyContactResponse
        {
            Ownership = ownership,
            Source = source,
            Reassigned = reassigned,
            DoNotContact = new DoNotContact { AttorneyRepresented = contact.AttorneyRepresented, CeaseRequested = contact.CeaseRequested },
        };
        if (contact.LastVerifiedTime is { } verified)
        {
            response.LastVerifiedTime = Timestamp.FromDateTimeOffset(verified);
        }

        if (contact.LastInboundContactTime is { } inbound)
        {
            response.LastInboundContactTime = Timestamp.FromDateTimeOffset(inbound);
        }

        if (contact.ReassignedCheckedTime is { } checkedTime)
        {
            response.ReassignedCheckedTime = Timestamp.FromDateTimeOffset(checkedTime);
        }

        return response;
    }
}
