using Gateway.V1;
using Grpc.Core;

namespace Gateway.Bench.Macro;

/// <summary>One thing the benchmark measures: where its reminders come from, and either a unary call or a way to open a stream.</summary>
internal sealed record Scenario(
    string Name,
    Func<string, Func<Reminder?>> Source,
    Func<Reminder, Task<CallOutcome>>? Call,
    Func<AsyncDuplexStreamingCall<SendRemindersRequest, SendRemindersResponse>>? OpenStream);
