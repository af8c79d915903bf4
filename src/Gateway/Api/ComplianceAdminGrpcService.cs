using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Recent;
using Gateway.Replay;
using Gateway.Requests;
using Gateway.RuleSets.Versions;
using Gateway.RuleSets;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>
/// The <c>gateway.v1.ComplianceAdminService</c> endpoint. Every candidate is compiled here before
/// it is stored, so a bad version never reaches the store through this service; the store watcher
/// (<see cref="RuleSetSync"/>) still refuses a bad one written around it.
/// </summary>
internal sealed class ComplianceAdminGrpcService(RuleSetStore store, RuleSetProvider rules, RuleSetReplay replay, RecentDecisions recent, TenantDirectory tenants, ILogger<ComplianceAdminGrpcService> logger)
    : ComplianceAdminService.ComplianceAdminServiceBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const int MaxReplay = 1000;
    private const int DefaultRecentLimit = 100;
    private const string ReplayStore = "The guardrail store, which a replay reads for consent and caps,";

    public override Task<GetRuleSetResponse> GetRuleSet(GetRuleSetRequest request, ServerCallContext context) =>
        Translate(async () =>
        {
            var inForce = rules.InForce.Version;
            var stored = await ReadAsync(request.Version == 0 ? inForce : request.Version, "version", context).ConfigureAwait(false);
            return new GetRuleSetResponse { Version = ToProto(stored), RuleSetJson = stored.Text, VersionInForce = inForce };
        });

    public override async Task<ValidateRuleSetResponse> ValidateRuleSet(ValidateRuleSetRequest request, ServerCallContext context)
    {
        Tenant? tenant = null;
        if (request.Replay.Count > MaxReplay)
        {
            throw RpcErrors.InvalidField("replay", $"at most {MaxReplay} reminders");
        }

        if (request.ReplayRecent is { Limit: < 0 or > MaxReplay })
        {
            throw RpcErrors.InvalidField("replay_recent.limit", $"must be between 1 and {MaxReplay} (0 for {DefaultRecentLimit})");
        }

        if (request.ReplayRecent?.Since is { } sinceTimestamp && !IsValidTimestamp(sinceTimestamp))
        {
            throw RpcErrors.InvalidField("replay_recent.since", "is not a valid timestamp");
        }

        var replaying = request.Replay.Count > 0 || request.ReplayRecent is not null;
        if (replaying && !tenants.Tenants.TryGetValue(request.ReplayTenantId, out tenant))
        {
            throw RpcErrors.InvalidField("replay_tenant_id", "must be a configured tenant when replay or replay_recent is set");
        }

        var problems = new List<RuleProblem>();
        var candidate = RuleSetLoader.TryParseVersioned(request.RuleSetJson, 1, problems);
        var response = new ValidateRuleSetResponse { Valid = problems.Count == 0 };
        response.Problems.AddRange(problems.Select(problem => new RuleSetProblem { Path = problem.Path, Message = problem.Message }));
        if (candidate is null || tenant is null)
        {
            return response;
        }

        var inForce = rules.InForce;
        if (request.Replay.Count > 0)
        {
            response.Replayed.AddRange(await RpcErrors.StoreCall(() => replay.ReplayAsync(tenant, request.Replay, inForce, candidate, context.Deadline, context.CancellationToken), ReplayStore).ConfigureAwait(false));
        }

        if (request.ReplayRecent is { } recentRequest)
        {
            var limit = recentRequest.Limit == 0 ? DefaultRecentLimit : recentRequest.Limit;
            var since = recentRequest.Since?.ToDateTimeOffset();
            var recorded = await RpcErrors.StoreCall(() => recent.ReadAsync(tenant.Id, since, limit, context.CancellationToken), "The recent-decisions log").ConfigureAwait(false);
            response.ReplayedRecent.AddRange(replay.ReplayRecorded(tenant, recorded, inForce, candidate));
        }

        return response;
    }

    public override Task<UpdateRuleSetResponse> UpdateRuleSet(UpdateRuleSetRequest request, ServerCallContext context) =>
        Translate(async () =>
        {
            var violations = AuditViolations(request.Author, request.Reason);
            var problems = new List<RuleProblem>();
            var candidate = RuleSetLoader.TryParseVersioned(request.RuleSetJson, 1, problems);

            // Each problem is a field violation whose field is its JSON path inside rule_set_json.
            violations.AddRange(problems.Select(problem => new BadRequest.Types.FieldViolation { Field = problem.Path, Description = problem.Message }));
            if (violations.Count > 0)
            {
                throw RpcErrors.InvalidArgument(violations);
            }

            var stored = await AppendAsync(request.RuleSetJson, candidate!, request.ExpectedVersion, request.Author, request.Reason, 0, context).ConfigureAwait(false);
            return new UpdateRuleSetResponse { Version = stored };
        });

    public override Task<ListRuleSetVersionsResponse> ListRuleSetVersions(ListRuleSetVersionsRequest request, ServerCallContext context) =>
        Translate(async () =>
        {
            if (request.PageSize is < 0 or > MaxPageSize)
            {
                throw RpcErrors.InvalidField("page_size", $"must be between 0 and {MaxPageSize}");
            }

            var versions = await store.ListAsync(request.PageSize == 0 ? DefaultPageSize : request.PageSize, context.CancellationToken).ConfigureAwait(false);
            var response = new ListRuleSetVersionsResponse { LatestVersion = await store.GetLatestVersionAsync(context.CancellationToken).ConfigureAwait(false) };
            response.Versions.AddRange(versions.Select(ToProto));
            return response;
        });

    public override Task<DiffRuleSetVersionsResponse> DiffRuleSetVersions(DiffRuleSetVersionsRequest request, ServerCallContext context) =>
        Translate(async () =>
        {
            var from = await ReadAsync(request.FromVersion, "from_version", context).ConfigureAwait(false);
            var to = await ReadAsync(request.ToVersion, "to_version", context).ConfigureAwait(false);
            var response = new DiffRuleSetVersionsResponse();
            response.Changes.AddRange(RuleSetDiff.Compare(from.Text, to.Text).Select(change => new V1.RuleSetChange { Path = change.Path, Before = change.Before, After = change.After }));
            return response;
        });

    public override Task<RollBackRuleSetResponse> RollBackRuleSet(RollBackRuleSetRequest request, ServerCallContext context) =>
        Translate(async () =>
        {
            var violations = AuditViolations(request.Author, request.Reason);
            if (violations.Count > 0)
            {
                throw RpcErrors.InvalidArgument(violations);
            }

            var target = await ReadAsync(request.ToVersion, "to_version", context).ConfigureAwait(false);

            // The copy is compiled like any candidate: a version that no longer compiles (a zone
            // withdrawn from the time zone database, say) is not put back in force.
            var problems = new List<RuleProblem>();
            var candidate = RuleSetLoader.TryParseVersioned(target.Text, 1, problems);
            if (candidate is null)
            {
                throw RpcErrors.InvalidArgument(problems.Select(problem => new BadRequest.Types.FieldViolation { Field = problem.Path, Description = problem.Message }));
            }

            var stored = await AppendAsync(target.Text, candidate, request.ExpectedVersion, request.Author, request.Reason, target.Version, context).ConfigureAwait(false);
            return new RollBackRuleSetResponse { Version = stored };
        });

    private static bool IsValidTimestamp(Timestamp timestamp)
    {
        try
        {
            timestamp.ToDateTimeOffset();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static List<BadRequest.Types.FieldViolation> AuditViolations(string author, string reason)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (string.IsNullOrWhiteSpace(author) || author.Length > 128 || !FieldText.IsClean(author))
        {
            violations.Add(new() { Field = "author", Description = "is required: who makes the change, at most 128 characters" });
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1024 || !FieldText.IsClean(reason))
        {
            violations.Add(new() { Field = "reason", Description = "is required: why the change is made, at most 1024 characters" });
        }

        return violations;
    }

    private static V1.RuleSetVersion ToProto(StoredRuleSet stored) => new()
    {
        Version = stored.Version,
        Name = stored.Name,
        Author = stored.Author,
        Reason = stored.Reason,
        CreatedAt = Timestamp.FromDateTimeOffset(stored.CreatedAt),
        RolledBackTo = stored.RolledBackTo,
    };

    private static Task<T> Translate<T>(Func<Task<T>> call) => RpcErrors.Translate(async () =>
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            throw new GatewayUnavailableException(ReasonCode.StoreUnavailable, "The rule store cannot be reached; nothing was changed.", TimeSpan.FromSeconds(5), ex);
        }
    });

    private async Task<StoredRuleSet> ReadAsync(long version, string field, ServerCallContext context)
    {
        if (version <= 0)
        {
            throw RpcErrors.InvalidField(field, "must be a stored version (1 or more)");
        }

        return await store.GetAsync(version, context.CancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.NotFound($"Rule set version {version} is not in the store.");
    }

    private async Task<V1.RuleSetVersion> AppendAsync(string text, RuleSet candidate, long expectedVersion, string author, string reason, long rolledBackTo, ServerCallContext context)
    {
        if (expectedVersion <= 0)
        {
            throw RpcErrors.InvalidField("expected_version", "is required: the latest stored version the change is based on");
        }

        var result = await store.AppendAsync(text, candidate.Name, author, reason, expectedVersion, 0, rolledBackTo, context.CancellationToken).ConfigureAwait(false);
        if (!result.Stored)
        {
            throw new Google.Rpc.Status
            {
                Code = (int)Code.Aborted,
                Message = $"The rule set changed since version {expectedVersion}: the latest is {result.Version}. Read it, reapply your change and retry.",
                Details = { Any.Pack(new ErrorInfo { Domain = RpcErrors.Domain, Reason = "RULE_SET_VERSION_MISMATCH", Metadata = { ["latest_version"] = result.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) } }) },
            }.ToRpcException();
        }

        RulesLog.Stored(logger, result.Version, author, reason);

        // In force here at once; the other instances follow on the store's notice.
        rules.TryAdvance(candidate with { Version = result.Version });
        return new V1.RuleSetVersion
        {
            Version = result.Version,
            Name = candidate.Name,
            Author = author,
            Reason = reason,
            CreatedAt = Timestamp.FromDateTimeOffset(result.CreatedAt),
            RolledBackTo = rolledBackTo,
        };
    }
}
