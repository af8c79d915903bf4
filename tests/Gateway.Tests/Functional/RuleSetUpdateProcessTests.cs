using System.Diagnostics;
using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Rules.Versions;
using Gateway.V1;
using Grpc.Net.Client;

namespace Gateway.Tests.Functional;

/// <summary>
/// The same must-show as <see cref="RuleSetUpdateTests"/>, with two real gateway processes (the
/// production binary, configured by environment variables): an update through one is in force on
/// the other within a second.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RuleSetUpdateProcessTests(RedisFixture redis)
{
    [Fact]
    public async Task Update_ThroughOneProcess_IsEnforcedByTheOtherWithinASecond()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        await using var lender = await SandboxLenderServer.StartAsync(0, TestSeed.Create());
        var outbox = Path.Combine(Directory.CreateTempSubdirectory("gateway-rules-").FullName, "outbox.jsonl");
        var settings = new Dictionary<string, string>
        {
            ["Gateway__Rules__Namespace"] = "ns-" + tenant,
            ["Gateway__Admin__ApiKeySha256__0"] = TestTenant.AdminApiKeyDigest,
        };
        await using var first = await GatewayProcess.StartAsync(tenant, redis.Server.ConnectionString, lender.Address, outbox, settings);
        await using var second = await GatewayProcess.StartAsync(tenant, redis.Server.ConnectionString, lender.Address, outbox, settings);
        using var adminChannel = GrpcChannel.ForAddress(first.GrpcAddress);
        var admin = new ComplianceAdminService.ComplianceAdminServiceClient(adminChannel);
        Assert.Equal(1, (await EvaluateAsync(second)).RuleSetVersion);

        var updated = await admin.UpdateRuleSetAsync(
            new UpdateRuleSetRequest { RuleSetJson = RuleSetCandidates.Closed, ExpectedVersion = 1, Author = "compliance@acme", Reason = "process test" },
            GatewayTestHost.AsAdmin());
        var watch = Stopwatch.StartNew();
        Decision decision;
        do
        {
            decision = await EvaluateAsync(second);
        }
        while (decision.RuleSetVersion != 2 && watch.Elapsed < TimeSpan.FromSeconds(10));
        watch.Stop();

        Assert.Equal(2, updated.Version.Version);
        Assert.Equal(2, decision.RuleSetVersion);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the other process switched after {watch.Elapsed.TotalMilliseconds:F0} ms\n{second.Output}");
        Assert.Contains(ReasonCode.ChannelNotAllowed, decision.Reasons);
    }

    private static async Task<Decision> EvaluateAsync(GatewayProcess gateway) =>
        (await gateway.Reminders.EvaluateReminderAsync(new EvaluateReminderRequest { Reminder = TestReminders.OverdueEmail() }, GatewayTestHost.Authorized())).Decision;
}
