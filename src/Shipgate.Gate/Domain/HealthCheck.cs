namespace Shipgate.Gate.Domain;

/// <summary>
/// How the gate asks an environment whether it is healthy before the next stage starts: GET <see cref="Url"/> up to
/// 1 + <see cref="Retries"/> times, <see cref="Interval"/> apart, each attempt given <see cref="Timeout"/>; healthy on
/// the first answer whose status is in <see cref="ExpectedStatus"/> (empty: any 2xx). Redirects are not followed.
/// </summary>
public sealed record HealthCheck(Uri Url)
{
    public const int MaxRetries = 10;

    /// <summary>Extra attempts after a failed one (0–10; default 2).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Pause between attempts (1 s – 10 min; default 5 s).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one attempt may take (1 s – 2 min; default 10 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Statuses that mean healthy; empty means any 2xx.</summary>
    public IReadOnlyList<int> ExpectedStatus { get; init; } = [];

    /// <summary>The longest a check can take: every attempt timing out, with the pauses between them.</summary>
    public TimeSpan WorstCase => (Timeout * (Retries + 1)) + (Interval * Retries);

    /// <summary>Upper bound on <see cref="WorstCase"/> (the start request waits for the check; clients allow 15 minutes).</summary>
    public static readonly TimeSpan MaxWorstCase = TimeSpan.FromMinutes(10);

    public bool IsHealthy(int status) => ExpectedStatus.Count == 0 ? status is >= 200 and <= 299 : ExpectedStatus.Contains(status);

    /// <summary>What a healthy answer is, for messages: <c>2xx</c> or <c>200/204</c>.</summary>
    public string Expected => ExpectedStatus.Count == 0 ? "2xx" : string.Join("/", ExpectedStatus);
}

/// <summary>The outcome of a <see cref="HealthCheck"/>: the last attempt's status (null when nothing answered) and a one-line account.</summary>
public sealed record HealthCheckResult(bool Healthy, Uri Url, int Attempts, int? Status, string Detail);
