using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Rules.Versions;
using Gateway.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Functional;

/// <summary>
/// Two gateways sharing one redis-server and one rule history: an update through one is in force
/// on the other within a second, atomically; a bad update changes nothing; a stale one is ABORTED.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RuleSetUpdateTests(RedisFixture redis)
{
    private static readonly TimeSpan SwitchBudget = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Update_ThroughOneInstance_IsEnforcedByTheOtherWithinASecond()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);
        Assert.Equal(1, (await pair.Second.EvaluateAsync(TestReminders.OverdueEmail())).RuleSetVersion);

        var updated = await pair.First.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.Closed, expected: 1), GatewayTestHost.AsAdmin());
        Assert.Equal(2, updated.Version.Version);

        // Measured by polling the other instance, bounded: the first decision it makes with v2.
        var watch = Stopwatch.StartNew();
        Decision decision;
        do
        {
            decision = await pair.Second.EvaluateAsync(TestReminders.OverdueEmail());
        }
        while (decision.RuleSetVersion != 2 && watch.Elapsed < TimeSpan.FromSeconds(5));
        watch.Stop();

        Assert.Equal(2, decision.RuleSetVersion);
        Assert.True(watch.Elapsed < SwitchBudget, $"the other instance switched after {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Contains(ReasonCode.ChannelNotAllowed, decision.Reasons);
        Assert.Equal(2, GatewayTestHost.Sample(await pair.Second.ScrapeMetricsAsync(), "gateway_rule_set_version"));

        // A third instance started now takes the store's version over its older file before serving.
        await using var third = await pair.StartAnotherAsync();
        Assert.Equal(2, (await third.Admin.GetRuleSetAsync(new GetRuleSetRequest(), GatewayTestHost.AsAdmin())).VersionInForce);
    }

    [Fact]
    public async Task Decisions_DuringAStormOfUpdates_EachSeeOneWholeVersion()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);
        var variants = new ConcurrentDictionary<long, bool> { [1] = false };
        var decisions = new ConcurrentBag<Decision>();
        using var stop = new CancellationTokenSource();

        async Task EvaluateUntilStopped(GatewayTestHost host)
        {
            while (!stop.IsCancellationRequested)
            {
                decisions.Add(await host.EvaluateAsync(TestReminders.OverdueEmail()));
            }
        }

        var evaluators = Enumerable.Range(0, 6).Select(i => Task.Run(() => EvaluateUntilStopped(i % 2 == 0 ? pair.First : pair.Second))).ToList();
        long version = 1;
        for (var i = 0; i < 20; i++)
        {
            var closed = i % 2 == 0;
            var stored = await pair.First.Admin.UpdateRuleSetAsync(Update(closed ? RuleSetCandidates.Closed : RuleSetCandidates.Open, version), GatewayTestHost.AsAdmin());
            version = stored.Version.Version;
            variants[version] = closed;
            await Task.Delay(15);
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(evaluators);

        Assert.True(decisions.Select(d => d.RuleSetVersion).Distinct().Count() > 2, "the storm must have been seen by the decisions");
        foreach (var decision in decisions)
        {
            var closed = variants[decision.RuleSetVersion];
            var channel = decision.Verdicts.Single(v => v.Rule == "channel_permission");
            var content = decision.Verdicts.Single(v => v.Rule == "content");
            var expected = closed ? Verdict.Suppress : Verdict.Pass;
            Assert.True(channel.Verdict == expected && content.Verdict == expected, $"v{decision.RuleSetVersion} ({(closed ? "closed" : "open")}) decided with channel {channel.Verdict} and content {content.Verdict}");
        }
    }

    [Fact]
    public async Task Update_Invalid_NamesEveryProblemAtItsPathAndChangesNothing()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await pair.First.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.Broken, expected: 1), GatewayTestHost.AsAdmin()));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var fields = refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(RuleSetCandidates.BrokenPaths, fields);

        var validated = await pair.First.Admin.ValidateRuleSetAsync(new ValidateRuleSetRequest { RuleSetJson = RuleSetCandidates.Broken }, GatewayTestHost.AsAdmin());
        Assert.False(validated.Valid);
        Assert.Equal(RuleSetCandidates.BrokenPaths, validated.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));

        var versions = await pair.First.Admin.ListRuleSetVersionsAsync(new ListRuleSetVersionsRequest(), GatewayTestHost.AsAdmin());
        Assert.Equal(1, versions.LatestVersion);
        Assert.Single(versions.Versions);
        foreach (var host in new[] { pair.First, pair.Second })
        {
            Assert.Equal(1, (await host.Admin.GetRuleSetAsync(new GetRuleSetRequest(), GatewayTestHost.AsAdmin())).VersionInForce);
            Assert.Equal(1, (await host.EvaluateAsync(TestReminders.OverdueEmail())).RuleSetVersion);
        }
    }

    [Fact]
    public async Task Update_WithStaleExpectedVersion_IsAborted()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);
        await pair.First.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.Closed, expected: 1), GatewayTestHost.AsAdmin());

        // A second author who read v1 before the first one's update.
        var stale = await Assert.ThrowsAsync<RpcException>(async () =>
            await pair.Second.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.Open, expected: 1), GatewayTestHost.AsAdmin()));

        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal("2", stale.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Metadata["latest_version"]);
        Assert.Equal(2, (await pair.Second.Admin.ListRuleSetVersionsAsync(new ListRuleSetVersionsRequest(), GatewayTestHost.AsAdmin())).LatestVersion);
    }

    [Fact]
    public async Task Update_WithoutAuthorOrReason_NamesBoth()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);
        var request = Update(RuleSetCandidates.Closed, expected: 1);
        request.Author = string.Empty;
        request.Reason = " ";

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await pair.First.Admin.UpdateRuleSetAsync(request, GatewayTestHost.AsAdmin()));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["author", "reason"], refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task AdminCalls_WithASenderKey_AreDenied_AndWithoutAKey_Unauthenticated()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);

        var sender = await Assert.ThrowsAsync<RpcException>(async () =>
            await pair.First.Admin.GetRuleSetAsync(new GetRuleSetRequest(), GatewayTestHost.Authorized()));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () =>
            await pair.First.Admin.GetRuleSetAsync(new GetRuleSetRequest(), deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10)));

        Assert.Equal(StatusCode.PermissionDenied, sender.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task BadVersionWrittenAroundTheService_IsNeverPutInForce()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);
        var store = pair.First.Services.GetRequiredService<global::Gateway.RuleSets.Versions.RuleSetStore>();

        var written = await store.AppendAsync(RuleSetCandidates.Broken, "broken", "someone", "bypassing validation", 1, 0, 0, CancellationToken.None);
        Assert.Equal(2, written.Version);
        await Task.Delay(SwitchBudget + SwitchBudget);

        foreach (var host in new[] { pair.First, pair.Second })
        {
            Assert.Equal(1, (await host.EvaluateAsync(TestReminders.OverdueEmail())).RuleSetVersion);
        }

        // The next good version goes live as usual.
        await pair.First.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.Closed, expected: 2), GatewayTestHost.AsAdmin());
        await WaitForVersionAsync(pair.Second, 3);
    }

    [Fact]
    public async Task RollBack_PutsTheEarlierRulesBackAsANewVersion_AndDiffNamesWhatChanged()
    {
        await using var pair = await Pair.StartAsync(redis.Server.ConnectionString);
        await pair.First.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.Closed, expected: 1), GatewayTestHost.AsAdmin());

        var diff = await pair.First.Admin.DiffRuleSetVersionsAsync(new DiffRuleSetVersionsRequest { FromVersion = 1, ToVersion = 2 }, GatewayTestHost.AsAdmin());
        Assert.Contains(diff.Changes, c => c.Path == "$.name" && c.After == $"\"{RuleSetCandidates.ClosedName}\"");
        Assert.Contains(diff.Changes, c => c.Path.StartsWith("$.purposeChannels.overdue_notice[", StringComparison.Ordinal));
        Assert.Contains(diff.Changes, c => c.Path.StartsWith("$.bannedPhrases[", StringComparison.Ordinal) && c.Before.Length == 0);

        var rolledBack = await pair.Second.Admin.RollBackRuleSetAsync(
            new RollBackRuleSetRequest { ToVersion = 1, ExpectedVersion = 2, Author = "compliance@acme", Reason = "INC-42: email blocked by mistake" },
            GatewayTestHost.AsAdmin());

        Assert.Equal(3, rolledBack.Version.Version);
        Assert.Equal(1, rolledBack.Version.RolledBackTo);
        var decision = await WaitForVersionAsync(pair.First, 3);
        Assert.DoesNotContain(ReasonCode.ChannelNotAllowed, decision.Reasons);
        var history = await pair.First.Admin.ListRuleSetVersionsAsync(new ListRuleSetVersionsRequest(), GatewayTestHost.AsAdmin());
        Assert.Equal([3L, 2L, 1L], history.Versions.Select(v => v.Version));
        Assert.Equal("file", history.Versions[^1].Author);
    }

    [Fact]
    public async Task Update_MakingTodayANoContactDay_DefersToTheFirstWindowOfTheNextDay()
    {
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        await environment.Gateway.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.WithNoContactDay("2026-11-23"), expected: 1), GatewayTestHost.AsAdmin());
        var reminder = TestReminders.OverdueEmail().Deferrable(environment.Clock.GetUtcNow().AddDays(3));
        reminder.RecipientTimeZone = "America/New_York";

        var decision = await environment.Gateway.EvaluateAsync(reminder);

        Assert.Equal(2, decision.RuleSetVersion);
        Assert.Equal(Outcome.Deferred, decision.Outcome);
        Assert.Equal([ReasonCode.NoContactDay], decision.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), decision.NotBefore.ToDateTimeOffset());
    }

    [Fact]
    public async Task Update_TenantNarrowingItsHours_DefersItsReminderToItsOwnWindow()
    {
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        await environment.Gateway.Admin.UpdateRuleSetAsync(Update(RuleSetCandidates.WithTenantHours(environment.Gateway.TenantId), expected: 1), GatewayTestHost.AsAdmin());
        var reminder = TestReminders.OverdueEmail().Deferrable(environment.Clock.GetUtcNow().AddDays(3));
        reminder.RecipientTimeZone = "America/New_York";

        // Monday 15:00 in New York: inside Regulation F's hours, outside this lender's 09:00-14:00.
        var decision = await environment.Gateway.EvaluateAsync(reminder);

        Assert.Equal(Outcome.Deferred, decision.Outcome);
        Assert.Equal([ReasonCode.QuietHours], decision.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), decision.NotBefore.ToDateTimeOffset());
    }

    private static UpdateRuleSetRequest Update(string json, long expected) => new()
    {
        RuleSetJson = json,
        ExpectedVersion = expected,
        Author = "compliance@acme",
        Reason = "test",
    };

    private static async Task<Decision> WaitForVersionAsync(GatewayTestHost host, long version)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var decision = await host.EvaluateAsync(TestReminders.OverdueEmail());
            if (decision.RuleSetVersion == version || watch.Elapsed > TimeSpan.FromSeconds(5))
            {
                Assert.Equal(version, decision.RuleSetVersion);
                return decision;
            }
        }
    }

    /// <summary>Two gateways with one sandbox lender, one clock and one rule namespace on the shared redis-server.</summary>
    private sealed class Pair : IAsyncDisposable
    {
        private readonly string _store;
        private readonly string _namespace;

        private Pair(string store, string ruleNamespace, SandboxLenderServer lender, GatewayTestHost first, GatewayTestHost second)
        {
            _store = store;
            _namespace = ruleNamespace;
            Lender = lender;
            First = first;
            Second = second;
        }

        public SandboxLenderServer Lender { get; }

        public GatewayTestHost First { get; }

        public GatewayTestHost Second { get; }

        public static async Task<Pair> StartAsync(string store)
        {
            var ruleNamespace = "ns-" + Guid.NewGuid().ToString("N")[..12];
            var lender = await SandboxLenderServer.StartAsync(0, TestSeed.Create());
            var clock = GatewayTestHost.DaytimeClock();
            var settings = Settings(ruleNamespace);
            var first = await GatewayTestHost.StartAsync(store, lender.Address, clock, settings);
            var second = await GatewayTestHost.StartAsync(store, lender.Address, clock, settings);
            return new Pair(store, ruleNamespace, lender, first, second);
        }

        public Task<GatewayTestHost> StartAnotherAsync() =>
            GatewayTestHost.StartAsync(_store, Lender.Address, GatewayTestHost.DaytimeClock(), Settings(_namespace));

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
            await Lender.DisposeAsync();
        }

        private static Dictionary<string, string?> Settings(string ruleNamespace) => new()
        {
            ["Gateway:Rules:Namespace"] = ruleNamespace,
        };
    }
}
