using System.CommandLine;
using System.Globalization;
using Shipgate.Core;
using Shipgate.Dependencies.Osv;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate db import PATH...</c>, <c>db update [--ecosystem E]... [--base-url URL]</c> and <c>db status</c>: the
/// offline OSV vulnerability database that <c>scan</c> matches dependencies against. Exit 0 on success, 2 for bad
/// input (a path that does not exist, an unsafe or damaged archive, records that do not parse, a failed download) or a
/// corrupt database.
/// </summary>
internal static class DbCommand
{
    /// <summary>The OSV exports <c>db update</c> fetches by default: every ecosystem the lockfile parsers produce.</summary>
    public static readonly IReadOnlyList<string> DefaultEcosystems =
        ["npm", "PyPI", "crates.io", "Go", "RubyGems", "Packagist", "NuGet", "Maven", "Pub", "Hex", "CRAN", "SwiftURL"];

    public static Command Create(CliServices services)
    {
        var paths = new Argument<string[]>("PATH") { Description = "OSV export zips (all.zip), folders of OSV JSON, or single OSV JSON files.", Arity = ArgumentArity.OneOrMore };
        var importDb = DbOption();
        var import = new Command("import", "Load OSV records into the vulnerability database (incremental: a record is replaced only by a newer 'modified').") { paths, importDb };
        import.SetAction((result, token) => ImportAsync(services, result.GetValue(paths) ?? [], result.GetValue(importDb), token));

        var ecosystems = new Option<string[]>("--ecosystem", "-e")
        {
            Description = $"OSV ecosystem to download (repeatable; default: {string.Join(", ", DefaultEcosystems)}).",
            AllowMultipleArgumentsPerToken = false,
        };
        var baseUrl = new Option<string?>("--base-url") { Description = $"Where the exports are: BASE/ECOSYSTEM/all.zip (default: {OsvDownloader.DefaultBaseUrl})." };
        var updateDb = DbOption();
        var update = new Command("update", "Download the OSV exports (resumable, verified) and import them.") { ecosystems, baseUrl, updateDb };
        update.SetAction((result, token) => UpdateAsync(services, result.GetValue(ecosystems) ?? [], result.GetValue(baseUrl), result.GetValue(updateDb), token));

        var statusDb = DbOption();
        var check = new Option<bool>("--check") { Description = "Also run SQLite's integrity check over every page." };
        var status = new Command("status", "Show the database's location, records per ecosystem, and age.") { statusDb, check };
        status.SetAction((result, token) => StatusAsync(services, result.GetValue(statusDb), result.GetValue(check)));

        return new Command("db", "Manage the offline OSV vulnerability database.") { import, update, status };
    }

    private static Option<string?> DbOption() => new("--db")
    {
        Description = "Database file (default: $XDG_CACHE_HOME/shipgate/osv.db or ~/.cache/shipgate/osv.db; SHIPGATE_OSV_DB overrides).",
    };

    private static async Task<int> ImportAsync(CliServices services, string[] paths, string? db, CancellationToken token)
    {
        var env = services.Environment;
        var path = AdvisoryOptions.ResolveDatabase(services, db);
        var sources = paths.Select(p => (Given: p, Full: env.Resolve(p))).ToList();
        foreach (var (given, full) in sources)
        {
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                throw new UsageException($"{given}: no such file or folder");
            }
        }

        using var store = Open(path, env.Error);
        var failed = false;
        foreach (var (given, full) in sources)
        {
            token.ThrowIfCancellationRequested();
            failed |= await ImportOneAsync(env, store, full, full, given).ConfigureAwait(false);
        }

        return (int)(failed ? ExitCode.UsageOrInputError : ExitCode.Success);
    }

    /// <summary>Imports one source and prints its summary; true when something in it was wrong.</summary>
    private static async Task<bool> ImportOneAsync(CliEnvironment env, OsvStore store, string source, string label, string shown)
    {
        var started = env.Time.GetTimestamp();
        OsvImportReport report;
        try
        {
            report = store.Import(source, label, env.Time.GetUtcNow());
        }
        catch (InputFormatException ex)
        {
            await env.Error.WriteLineAsync($"shipgate: {ex.Message}").ConfigureAwait(false);
            return true;
        }
        catch (OsvStoreException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        foreach (var error in report.Errors.Take(20))
        {
            await env.Error.WriteLineAsync($"shipgate: {shown}: {error}").ConfigureAwait(false);
        }

        if (report.Errors.Count > 20)
        {
            await env.Error.WriteLineAsync($"shipgate: {shown}: {report.Errors.Count - 20} more records could not be read").ConfigureAwait(false);
        }

        var seconds = env.Time.GetElapsedTime(started).TotalSeconds;
        await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{shown}: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Withdrawn} withdrawn, {report.WithoutPackage} without a package, {report.Errors.Count} unreadable ({seconds:0.0} s)")).ConfigureAwait(false);
        return report.Errors.Count > 0;
    }

    private static async Task<int> UpdateAsync(CliServices services, string[] ecosystems, string? baseUrl, string? db, CancellationToken token)
    {
        var env = services.Environment;
        var url = baseUrl ?? env.GetEnvironmentVariable("SHIPGATE_OSV_BASE_URL") ?? OsvDownloader.DefaultBaseUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"--base-url '{url}' is not an http(s) URL");
        }

        var wanted = ecosystems.SelectMany(e => e.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (wanted.Count == 0)
        {
            wanted = [.. DefaultEcosystems];
        }

        var path = AdvisoryOptions.ResolveDatabase(services, db);
        var downloads = Path.Combine(Path.GetDirectoryName(path) ?? ".", "downloads");
        Directory.CreateDirectory(downloads);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("shipgate/1");
        var downloader = new OsvDownloader(http);
        using var store = Open(path, env.Error);
        var failed = false;
        foreach (var ecosystem in wanted)
        {
            var source = OsvDownloader.ExportUri(baseUri, ecosystem);
            var target = Path.Combine(downloads, SafeFileName(ecosystem) + "-all.zip");
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(TimeSpan.FromMinutes(30));
                var bytes = await DownloadWithProgressAsync(env, downloader, source, target, ecosystem, timeout.Token).ConfigureAwait(false);
                await env.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"shipgate: downloaded {source} ({bytes / 1024.0 / 1024.0:0.0} MiB)")).ConfigureAwait(false);
            }
            catch (InputFormatException ex)
            {
                await env.Error.WriteLineAsync($"shipgate: {ecosystem}: {ex.Message}").ConfigureAwait(false);
                failed = true;
                continue;
            }

            failed |= await ImportOneAsync(env, store, target, source.AbsoluteUri, ecosystem).ConfigureAwait(false);
            File.Delete(target);
        }

        return (int)(failed ? ExitCode.UsageOrInputError : ExitCode.Success);
    }

    private static async Task<long> DownloadWithProgressAsync(CliEnvironment env, OsvDownloader downloader, Uri source, string target, string ecosystem, CancellationToken token)
    {
        if (env.IsCi || !env.ErrorIsTerminal)
        {
            return await downloader.DownloadAsync(source, target, null, token).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(env.Error), Interactive = InteractionSupport.Yes });
        long bytes = 0;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(ecosystem), maxValue: 1);
                var progress = new Progress<(long Done, long? Total)>(p =>
                {
                    if (p.Total is { } total)
                    {
                        task.MaxValue = Math.Max(1, total);
                    }
                    else
                    {
                        task.IsIndeterminate = true;
                    }

                    task.Value = p.Done;
                });
                bytes = await downloader.DownloadAsync(source, target, progress, token).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return bytes;
    }

    private static async Task<int> StatusAsync(CliServices services, string? db, bool check)
    {
        var env = services.Environment;
        var path = AdvisoryOptions.ResolveDatabase(services, db);
        if (!File.Exists(path))
        {
            await env.Out.WriteLineAsync($"No vulnerability database at {path}.").ConfigureAwait(false);
            await env.Out.WriteLineAsync($"To create one, {OsvStore.ImportHint}.").ConfigureAwait(false);
            return (int)ExitCode.UsageOrInputError;
        }

        OsvStoreStatus status;
        string? integrity = null;
        try
        {
            using var store = OsvStore.OpenReadOnly(path);
            status = store.Status();
            integrity = check ? store.IntegrityCheck() : null;
        }
        catch (OsvStoreException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        var now = env.Time.GetUtcNow();
        var console = RulesCommand.PlainConsole(env);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database: {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB)"));
        var age = status.LastImport is { } last
            ? string.Create(CultureInfo.InvariantCulture, $"{last.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {(now - last).TotalDays:0.0} days ago") + ((now - last) > AdvisoryScope.StaleAfter ? " (stale: run 'shipgate db update')" : "")
            : "never";
        console.WriteLine($"Last import: {age}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("Ecosystem");
        table.AddColumn(new TableColumn("Records").RightAligned());
        foreach (var (ecosystem, count) in status.RecordsPerEcosystem)
        {
            table.AddRow(Markup.Escape(ecosystem), count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Records} records from {status.Sources.Count} sources."));
        foreach (var source in status.Sources)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {source.Source}: {source.Records} records, imported {source.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        }

        if (integrity is not null)
        {
            console.WriteLine($"Integrity check: {integrity}");
            if (integrity != "ok")
            {
                return (int)ExitCode.UsageOrInputError;
            }
        }

        return (int)ExitCode.Success;
    }

    private static OsvStore Open(string path, TextWriter error)
    {
        try
        {
            return OsvStore.OpenForImport(path, message => error.WriteLine("shipgate: " + message));
        }
        catch (OsvStoreException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private static string SafeFileName(string ecosystem) =>
        new([.. ecosystem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
}
