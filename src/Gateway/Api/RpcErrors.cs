using Gateway.Decisions;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>
/// The gateway's errors as rich <c>google.rpc.Status</c> values: field violations for bad input,
/// an <c>ErrorInfo</c> reason and <c>RetryInfo</c> for a gateway that cannot decide. Never a bare INTERNAL.
/// </summary>
internal static class RpcErrors
{
    public const string Domain = "gateway.v1";

    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(ViolationCap.Apply(violations));
        var fields = string.Join(", ", badRequest.FieldViolations.Select(v => v.Field).Distinct());
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is invalid: {fields}. See the field violations for each problem.",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    public static RpcException InvalidField(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    public static RpcException NotFound(string message) =>
        new Google.Rpc.Status { Code = (int)Code.NotFound, Message = message }.ToRpcException();

    /// <summary>
    /// A lender's consent over the person's own opt-out: refused, naming how the person opted out.
    /// Only the person's opt-in (a keyword reply such as START) undoes it (47 CFR 64.1200(a)(10)).
    /// </summary>
    public static RpcException OptedOutByPerson(ConsentSource source)
    {
        var how = source switch
        {
            ConsentSource.Unsubscribe => "the unsubscribe link",
            ConsentSource.Carrier => "the carrier's opt-out record",
            _ => "a reply to a message",
        };
        return new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = $"The debtor opted out of this channel at this contact point themselves ({how}); a lender's consent cannot undo that. Only the person's own opt-in (replying START) restores sending. Nothing was changed.",
            Details =
            {
                Any.Pack(new ErrorInfo { Domain = Domain, Reason = "OPTED_OUT_BY_PERSON", Metadata = { ["source"] = source.ToString().ToLowerInvariant() } }),
            },
        }.ToRpcException();
    }

    /// <summary>The status a known exception maps to, or null for an exception that is a bug.</summary>
    public static Google.Rpc.Status? StatusOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)rpc.StatusCode, Message = rpc.Status.Detail },
        GatewayUnavailableException unavailable => new Google.Rpc.Status
        {
            Code = (int)Code.Unavailable,
            Message = unavailable.Message,
            Details =
            {
                Any.Pack(new ErrorInfo { Domain = Domain, Reason = RuleNames.Of(unavailable.Reason).ToUpperInvariant() }),
                Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(unavailable.RetryAfter) }),
            },
        },
        IdempotencyConflictException conflict => new Google.Rpc.Status
        {
            Code = (int)Code.AlreadyExists,
            Message = conflict.Message,
            Details =
            {
                Any.Pack(new ErrorInfo
                {
                    Domain = Domain,
                    Reason = RuleNames.Of(ReasonCode.IdempotencyConflict).ToUpperInvariant(),
                    Metadata = { ["existing_reminder_id"] = conflict.ExistingReminderId ?? string.Empty },
                }),
            },
        },
        _ => null,
    };

    /// <summary>Runs a store call for an RPC: a store that does not answer is UNAVAILABLE, naming <paramref name="what"/> ("the consent store").</summary>
    public static Task<T> StoreCall<T>(Func<Task<T>> call, string what)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Translate(async () =>
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex)
            {
                throw new GatewayUnavailableException(ReasonCode.StoreUnavailable, $"{what} cannot be reached; nothing was changed.", TimeSpan.FromSeconds(5), ex);
            }
        });
    }

    /// <summary>Runs a call, turning the gateway's own exceptions into their rich statuses.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GatewayUnavailableException or IdempotencyConflictException)
        {
            throw StatusOf(ex)!.ToRpcException();
        }
    }
}
