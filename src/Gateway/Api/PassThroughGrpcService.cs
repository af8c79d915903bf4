using Bench.V1;
using Gateway.Decisions;
using Gateway.RuleSets;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>
/// The benchmark's baseline: the SendReminder payload in, a SENT decision of the same shape out,
/// with no validation, rule, store, recheck or carrier in between. It shares the server, the
/// HTTP/2 stack, protobuf and the tenant interceptor with the real service, so the difference
/// between the two is what the guardrails cost. Mapped only when
/// <c>Gateway:Benchmark:EnablePassThrough</c> is true.
/// </summary>
internal sealed class PassThroughGrpcService(RuleSetProvider rules, TimeProvider time) : PassThroughService.PassThroughServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reminder = request.Reminder ?? new Reminder();
        var now = time.GetUtcNow();
        return Task.FromResult(new EchoResponse
        {
            Decision = new Decision
            {
                ReminderId = ReminderIds.New(time),
                IdempotencyKey = reminder.IdempotencyKey,
                Outcome = Outcome.Sent,
                Carrier = "pass-through",
                RuleSetVersion = rules.InForce.Version,
                DecidedAt = Timestamp.FromDateTimeOffset(now),
                Channel = reminder.Channel,
                DebtorId = reminder.DebtorId,
                DebtId = reminder.DebtId,
            },
        });
    }
}
