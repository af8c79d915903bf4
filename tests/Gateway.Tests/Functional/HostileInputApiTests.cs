using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Tests.Functional;

/// <summary>
/// Hostile input through the real gRPC API of one in-process gateway: each case reproduced from
/// main answers INVALID_ARGUMENT naming its field (or is suppressed for its content), at once, on a
/// connection that stays usable; a fuzz run of generated malformed requests sends nothing.
/// </summary>
public sealed class HostileInputApiTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const int FuzzUnary = 10_000;
    private const int FuzzStream = 2_000;

    private GatewayTestHost Gateway => fixture.Environment.Gateway;

    [Theory]
    [InlineData("debtor id with a final newline", "reminder.debtor_id")]
    [InlineData("idempotency key with a final newline", "reminder.idempotency_key")]
    [InlineData("first name with a final newline", "reminder.template_parameters[first_name]")]
    [InlineData("phone with a final newline", "reminder.contact_point")]
    [InlineData("locale with a NUL", "reminder.locale")]
    [InlineData("defer until 9999-12-31", "reminder.defer_until")]
    public async Task SendReminder_ReproducedHostileField_IsRefusedNamingIt(string change, string field)
    {
        var reminder = TestReminders.OverdueSms();
        Action<Reminder> apply = change switch
        {
            "debtor id with a final newline" => r => r.DebtorId += "\n",
            "idempotency key with a final newline" => r => r.IdempotencyKey += "\n",
            "first name with a final newline" => r => r.TemplateParameters["first_name"] = "Avery\n",
            "phone with a final newline" => r => r.ContactPoint += "\n",
            "locale with a NUL" => r => r.Locale = "en-US\0",
            _ => r => r.DeferUntil = Timestamp.FromDateTimeOffset(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)),
        };
        apply(reminder);

        var error = await Gateway.SendRefusedAsync(reminder);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal([field], Fields(error));
        Assert.Empty(Gateway.ReadOutbox());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public async Task SendReminder_ThousandsOfUnknownParameters_AnsweredAtOnceAndTheConnectionStaysUsable(int count)
    {
        var reminder = TestReminders.OverdueSms();
        foreach (var i in Enumerable.Range(0, count))
        {
            reminder.TemplateParameters[$"unknown_parameter_{i:D5}"] = "x";
        }

        var refused = Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized(TimeSpan.FromSeconds(5))).ResponseAsync;
        var meanwhile = Gateway.Reminders.EvaluateReminderAsync(new EvaluateReminderRequest { Reminder = TestReminders.OverdueSms() }, GatewayTestHost.Authorized(TimeSpan.FromSeconds(5))).ResponseAsync;

        var error = await Assert.ThrowsAsync<RpcException>(() => refused);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.NotEmpty(Fields(error));
        Assert.Equal(Outcome.Sent, (await meanwhile).Decision.Outcome);
    }

    [Theory]
    [InlineData(253_402_300_800L, 0, "from_time")] // the first second of year 10000
    [InlineData(-62_135_596_801L, 0, "from_time")] // before year 1
    [InlineData(0L, -5, "from_time")]
    [InlineData(0L, 1_000_000_000, "from_time")]
    public async Task ListDecisions_FromTimeOutOfRange_IsRefusedNamingIt(long seconds, int nanos, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Gateway.Reminders.ListDecisionsAsync(
            new ListDecisionsRequest { DebtorId = TestSeed.DueDebtor, FromTime = new Timestamp { Seconds = seconds, Nanos = nanos } }, GatewayTestHost.Authorized()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, Fields(error));
    }

    [Theory]
    [InlineData("a r r e s t")]
    [InlineData("ar-rest")]
    [InlineData("\u0430rrest")]
    [InlineData("Avery you will be ARRESTED")]
    public async Task EvaluateReminder_EvasiveThreatInAName_IsSuppressed(string firstName)
    {
        var reminder = TestReminders.OverdueSms();
        reminder.TemplateParameters["first_name"] = firstName;

        var decision = await Gateway.EvaluateAsync(reminder);

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.ContentRejected], decision.Reasons);
    }

    [Fact]
    public async Task Fuzz_TenThousandMalformedReminders_EachInvalidArgumentNamingAFieldAndNothingSent()
    {
        var seed = Environment.TickCount;
        var generator = new MalformedReminders(seed, fixture.Environment.Clock.GetUtcNow());
        var cases = Enumerable.Range(0, FuzzUnary + FuzzStream).Select(_ => generator.Next(TestReminders.OverdueSms())).ToList();
        var failures = new ConcurrentQueue<string>();
        var elapsed = Stopwatch.StartNew();

        await Parallel.ForEachAsync(cases.Take(FuzzUnary), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, _) =>
        {
            try
            {
                var answer = await Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = item.Reminder }, GatewayTestHost.Authorized(TimeSpan.FromSeconds(10)));
                failures.Enqueue($"answered {answer.Decision.Outcome} to [{string.Join(", ", item.Fields)}] {item.Reminder}");
            }
            catch (RpcException error)
            {
                Check(error.StatusCode, error.GetRpcStatus(), item, failures);
            }
        });

        using (var call = Gateway.Reminders.SendReminders(GatewayTestHost.Authorized(TimeSpan.FromSeconds(30))))
        {
            var reading = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
            foreach (var (reminder, _) in cases.Skip(FuzzUnary))
            {
                await call.RequestStream.WriteAsync(new SendRemindersRequest { Reminder = reminder });
            }

            await call.RequestStream.CompleteAsync();
            var responses = await reading;
            Assert.Equal(FuzzStream, responses.Count);
            foreach (var (response, item) in responses.Zip(cases.Skip(FuzzUnary)))
            {
                Check(response.Error is null ? StatusCode.OK : (StatusCode)response.Error.Code, response.Error, item, failures);
            }
        }

        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} wrong answers, first: {string.Join("\n", failures.Take(5))}");
        Assert.Empty(Gateway.ReadOutbox());
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(60), $"{elapsed.Elapsed}");
    }

    [Fact]
    public async Task Fuzz_OtherRequests_AnsweredInvalidArgumentNamingAField()
    {
        var random = new Random(Environment.TickCount);
        string[] hostile = ["\n", "\0", "\u200B", "\u202E", "\uD800", " ", "/", new string('x', 300)];
        string Spoil(string value) => random.Next(3) == 0 ? string.Empty : value + hostile[random.Next(hostile.Length)];
        Timestamp Instant() => new() { Seconds = random.Next(2) == 0 ? long.MaxValue - random.Next() : -random.NextInt64(62_135_596_800L, long.MaxValue), Nanos = random.Next(2) == 0 ? 0 : -1 };
        var calls = new List<(string Rpc, Func<Task> Call)>();
        for (var i = 0; i < 250; i++)
        {
            var options = GatewayTestHost.Authorized(TimeSpan.FromSeconds(10));
            calls.Add(("ListDecisions", async () => await Gateway.Reminders.ListDecisionsAsync(new ListDecisionsRequest { DebtorId = TestSeed.DueDebtor, FromTime = Instant(), ToTime = random.Next(2) == 0 ? null : Instant() }, options)));
            calls.Add(("GetDecision", async () => await Gateway.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = TestSeed.DueDebtor, IdempotencyKey = Spoil("k-1") }, options)));
            calls.Add(("CancelReminder", async () => await Gateway.Reminders.CancelReminderAsync(new CancelReminderRequest { DebtorId = Spoil(TestSeed.DueDebtor), IdempotencyKey = "k-1", Reason = "paid" }, options)));
            calls.Add(("CancelReminder.reason", async () => await Gateway.Reminders.CancelReminderAsync(new CancelReminderRequest { DebtorId = TestSeed.DueDebtor, IdempotencyKey = "k-1", Reason = "paid" + hostile[random.Next(4)] }, options)));
            calls.Add(("RecordConsent", async () => await Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = new ConsentSubject { DebtorId = TestSeed.DueDebtor, Channel = Channel.Sms, ContactPoint = Spoil(TestSeed.DuePhone) } }, options)));
        }

        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (call, _) =>
        {
            var error = await Xunit.Record.ExceptionAsync(call.Call) as RpcException;
            if (error?.StatusCode != StatusCode.InvalidArgument || error.GetRpcStatus()?.GetDetail<BadRequest>() is not { FieldViolations.Count: > 0 } badRequest
                || badRequest.FieldViolations.Any(v => string.IsNullOrWhiteSpace(v.Field)))
            {
                failures.Enqueue($"{call.Rpc}: {error?.StatusCode.ToString() ?? "answered"} {error?.Status.Detail}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
    }

    private static void Check(StatusCode code, Google.Rpc.Status? status, (Reminder Reminder, List<string> Fields) item, ConcurrentQueue<string> failures)
    {
        var violations = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
        if (code != StatusCode.InvalidArgument || violations.Count == 0 || violations.Any(string.IsNullOrWhiteSpace)
            || !violations.Any(field => item.Fields.Any(expected => field == expected || field.StartsWith(expected + "[", StringComparison.Ordinal) || field.StartsWith(expected + ".", StringComparison.Ordinal))))
        {
            failures.Enqueue($"{code} naming [{string.Join(", ", violations)}], expected one of [{string.Join(", ", item.Fields)}]: {status?.Message}");
        }
    }

    private static List<string> Fields(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
