using System.CommandLine;
using System.Globalization;
using Shipgate.Core;
using Shipgate.Dependencies;
using Shipgate.Dependencies.Osv;

namespace Shipgate.Cli.Commands;

/// <summary>
/// Where <c>scan</c> gets vulnerability data: <c>--db FILE</c> (default: the user cache, see
/// <see cref="OsvStore.DefaultPath"/>, or <c>SHIPGATE_OSV_DB</c>), or <c>--online</c> with the OSV API
/// (<c>--osv-api-url</c>, default https://api.osv.dev).
/// </summary>
internal sealed class AdvisoryOptions
{
    public const string DefaultApiUrl = "https://api.osv.dev";

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Vulnerability database file (default: $XDG_CACHE_HOME/shipgate/osv.db or ~/.cache/shipgate/osv.db; SHIPGATE_OSV_DB overrides).",
    };

    public Option<bool> Online { get; } = new("--online")
    {
        Description = "Query the OSV API (POST /v1/querybatch) instead of the offline database. Sends package names and versions to the API.",
    };

    public Option<string?> ApiUrl { get; } = new("--osv-api-url")
    {
        Description = "Base URL of the OSV API for --online (default: https://api.osv.dev).",
    };

    public void AddTo(Command command, bool withOnline)
    {
        command.Options.Add(Db);
        if (withOnline)
        {
            command.Options.Add(Online);
            command.Options.Add(ApiUrl);
        }
    }

    public AdvisorySettings Read(ParseResult result) => new(result.GetValue(Db), result.GetValue(Online), result.GetValue(ApiUrl));

    /// <summary>
    /// The database path: <c>--db</c>, else <c>SHIPGATE_OSV_DB</c>, else <c>dependencies.database</c> from
    /// <c>.shipgate.yml</c> (<paramref name="configured"/>, already absolute), else the user cache.
    /// </summary>
    public static string ResolveDatabase(CliEnvironment env, string? db, string? configured = null) =>
        db is not null ? env.Resolve(db)
        : env.GetEnvironmentVariable("SHIPGATE_OSV_DB") is { Length: > 0 } fromEnv ? env.Resolve(fromEnv)
        : configured ?? OsvStore.DefaultPath(env.GetEnvironmentVariable);

    /// <summary>The database path for the <c>db</c> commands, which read <c>.shipgate.yml</c> in the current folder.</summary>
    public static string ResolveDatabase(CliServices services, string? db)
    {
        ArgumentNullException.ThrowIfNull(services);
        var env = services.Environment;
        if (db is not null || env.GetEnvironmentVariable("SHIPGATE_OSV_DB") is { Length: > 0 })
        {
            return ResolveDatabase(env, db);
        }

        var config = Configuration.ConfigLoader.Load(null, env.WorkingDirectory, () => services.AllRules);
        return ResolveDatabase(env, null, config.OsvDatabase);
    }
}

/// <summary>The parsed advisory options of a scan.</summary>
internal sealed record AdvisorySettings(string? Db, bool Online, string? ApiUrl);

/// <summary>
/// The advisory source of one scan and the warnings it owes the user afterwards. A corrupt or incompatible database is
/// a <see cref="UsageException"/> (exit 2) before the scan starts; a missing one is a warning, printed only when the
/// scan had packages to check; so is a database older than <see cref="StaleAfter"/>.
/// </summary>
internal sealed class AdvisoryScope : IDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);

    private readonly IDisposable? owned;
    private readonly List<string> warnings = [];

    private AdvisoryScope(TrackedAdvisorySource source, IDisposable? owned)
    {
        Source = source;
        this.owned = owned;
    }

    public TrackedAdvisorySource Source { get; }

    /// <summary>
    /// Opens the scan's source. <paramref name="configuredDatabase"/> is the <c>.shipgate.yml</c> database path (after
    /// <c>--db</c> and <c>SHIPGATE_OSV_DB</c>); <paramref name="unchecked"/> completes the missing-database warning
    /// ("no vulnerability database at PATH, so …"); the image command names its own rule there. With
    /// <paramref name="required"/> (the SBOM's <c>--vulnerabilities</c>) a missing database is an error too.
    /// </summary>
    public static AdvisoryScope Open(AdvisorySettings? settings, CliEnvironment env, IReadOnlySet<Category>? only, string? configuredDatabase = null, string? @unchecked = null, bool required = false)
    {
        settings ??= new AdvisorySettings(null, false, null);
        if (only is not null && !only.Contains(Category.Deps))
        {
            return new AdvisoryScope(new TrackedAdvisorySource(null), null);
        }

        if (settings.Online)
        {
            var url = settings.ApiUrl ?? env.GetEnvironmentVariable("SHIPGATE_OSV_API_URL") ?? AdvisoryOptions.DefaultApiUrl;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            {
                throw new UsageException($"--osv-api-url '{url}' is not an http(s) URL");
            }

            var client = new OsvApiClient(baseUri);
            return new AdvisoryScope(new TrackedAdvisorySource(client), client);
        }

        var path = AdvisoryOptions.ResolveDatabase(env, settings.Db, configuredDatabase);
        if (!File.Exists(path) && !required)
        {
            var scope = new AdvisoryScope(new TrackedAdvisorySource(null), null);
            scope.warnings.Add(@unchecked is null
                ? $"no vulnerability database at {path}, so dependencies were not checked for known vulnerabilities (DEP001, DEP002); {OsvStore.ImportHint}, or scan with --online"
                : $"no vulnerability database at {path}, so {@unchecked}; {OsvStore.ImportHint}");
            return scope;
        }

        OsvDatabase database;
        try
        {
            database = OsvDatabase.Open(path);
        }
        catch (OsvStoreException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        var opened = new AdvisoryScope(new TrackedAdvisorySource(database), database);
        var now = env.Time.GetUtcNow();
        if (database.LastImport is not { } last)
        {
            opened.warnings.Add($"the vulnerability database {path} is empty; {OsvStore.ImportHint}");
        }
        else if (now - last > StaleAfter)
        {
            var days = (int)(now - last).TotalDays;
            opened.warnings.Add($"the vulnerability database {path} was last updated {days.ToString(CultureInfo.InvariantCulture)} days ago ({last.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}); run 'shipgate db update' for advisories published since");
        }

        return opened;
    }

    /// <summary>The scanner list with the dependency scanner looking packages up in this scope's source.</summary>
    public IReadOnlyList<IScanner> Apply(IReadOnlyList<IScanner> scanners) =>
        [.. scanners.Select(s => s is DependencyScanner deps ? deps.WithAdvisories(Source) : s)];

    /// <summary>Prints the warnings, when the scan had packages to check.</summary>
    public async Task WarnAsync(TextWriter error)
    {
        if (Source.PackagesQueried == 0)
        {
            return;
        }

        foreach (var warning in warnings)
        {
            await error.WriteLineAsync($"shipgate: warning: {warning}").ConfigureAwait(false);
        }
    }

    public void Dispose() => owned?.Dispose();
}
