namespace Gateway.Channels.Resilience;

#pragma warning disable CA2227, CA1002 // Options are bound by the configuration binder.

/// <summary>
/// The resilience every carrier gets, each with a pipeline of its own (<c>Gateway:Carriers:Resilience</c>).
/// </summary>
public sealed class CarrierResilienceOptions
{
    public const string SectionName = "Gateway:Carriers:Resilience";

    /// <summary>
    /// The whole relay, every carrier and retry included, ends by this long after it starts, or at
    /// the caller's deadline when that is sooner (default 10 s).
    /// </summary>
    public TimeSpan RelayTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One request to one carrier (default 5 s). A request that outlasts it has an unknown outcome.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long connecting may take (default 2 s). Shorter than <see cref="AttemptTimeout"/> so a
    /// carrier that cannot be reached is told apart from one that got the request and went quiet.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of one carrier after a safe failure (default 2; 0 turns retries off).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff, doubled each retry and jittered (default 200 ms). A carrier's <c>Retry-After</c> wins.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// HTTP statuses that mean the carrier did not take the message, so that a retry is safe; empty
    /// means <see cref="DefaultRetryableStatusCodes"/>. Read <see cref="RetryableStatusCodesOrDefault"/>.
    /// </summary>
    /// <remarks>
    /// Empty rather than the default itself, because the configuration binder appends configured
    /// items to a list that already holds some: <c>RetryableStatusCodes:0 = 503</c> would give 502,
    /// 503, 503, and the default could never be narrowed. <see cref="MaxRetries"/> = 0 turns retries off.
    /// </remarks>
    public List<int> RetryableStatusCodes { get; set; } = [];

    /// <summary>
    /// 502 and 503: a proxy or the carrier refusing before processing. 500 and 504 are left out on
    /// purpose: the carrier may have created the message before failing.
    /// </summary>
    public static IReadOnlyList<int> DefaultRetryableStatusCodes { get; } = [502, 503];

    /// <summary>The statuses configured, else the default.</summary>
    public IReadOnlyList<int> RetryableStatusCodesOrDefault => RetryableStatusCodes.Count == 0 ? DefaultRetryableStatusCodes : RetryableStatusCodes;

    /// <summary>Share of failed requests in the window that opens a carrier's breaker (default 0.5).</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Requests the window must hold before the ratio counts (default 10).</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted (default 30 s).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker skips the carrier (failing over at once) before one probe (default 30 s).</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
