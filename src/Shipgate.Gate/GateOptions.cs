using Microsoft.AspNetCore.Builder;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate;

/// <summary>Everything <see cref="GateApp.Build"/> needs; <c>shipgate serve</c> fills it from the command line, tests by hand.</summary>
public sealed record GateOptions
{
    /// <summary>Where the SQLite store, the checkpoint key and other state live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>A PostgreSQL connection string; null means the embedded SQLite store in <see cref="DataDirectory"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    public string? TlsCertificatePath { get; init; }

    public string? TlsKeyPath { get; init; }

    /// <summary>Allow plain HTTP on a non-loopback address (behind a TLS-terminating proxy).</summary>
    public bool InsecureHttp { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often open requests are re-evaluated for expiry and wait timers; null turns the sweeper off.</summary>
    public TimeSpan? SweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Where the one-time bootstrap token is printed.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>When audit checkpoints are signed (default: every 256 entries and the tail once a minute).</summary>
    public AuditCheckpointPolicy AuditCheckpoints { get; init; } = AuditCheckpointPolicy.Default;

    /// <summary>How long audit entries must be kept (and archived) before they may be discarded (default 7 years).</summary>
    public AuditRetention AuditRetention { get; init; } = new();

    /// <summary>Replaces the audit log (tests use a fake); null uses the Merkle audit log.</summary>
    public Func<DatabaseProvider, TimeProvider, IAuditLog>? AuditLog { get; init; }

    /// <summary>Last-minute changes to the host (tests switch to an in-memory server).</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }

    /// <summary>Replaces the health probe (tests).</summary>
    public Services.IHealthProbe? HealthProbe { get; init; }

    internal GateDatabase OpenDatabase() => PostgresConnectionString is { Length: > 0 } cs
        ? GateDatabase.Postgres(cs)
        : GateDatabase.Sqlite(Path.Combine(DataDirectory, "gate.db"));
}
