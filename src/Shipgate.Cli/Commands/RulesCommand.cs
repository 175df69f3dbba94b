using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shipgate.Core;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate rules list [--format json]</c> and <c>shipgate rules show ID</c>.</summary>
internal static class RulesCommand
{
    public enum ListFormat
    {
        Table,
        Json,
    }

    public static Command Create(CliServices services)
    {
        var format = new Option<ListFormat>("--format", "-f") { Description = "table (default) or json." };
        var category = new Option<string?>("--category") { Description = "Only rules of this category." };
        var list = new Command("list", "List every built-in rule with its id, name, category, severity and confidence.") { format, category };
        list.SetAction((result, token) => ListAsync(services, result.GetValue(format), result.GetValue(category), token));

        var id = new Argument<string>("ID") { Description = "Rule id (SEC001) or name (github-personal-access-token)." };
        var show = new Command("show", "Show a rule's metadata and help text.") { id };
        show.SetAction((result, token) => ShowAsync(services, result.GetValue(id)!, token));

        return new Command("rules", "Inspect the built-in rules.") { list, show };
    }

    private static async Task<int> ListAsync(CliServices services, ListFormat format, string? category, CancellationToken token)
    {
        var keywords = services.Scanners.SelectMany(s => s.Rules).OfType<Secrets.Rules.SecretPattern>()
            .ToDictionary(r => r.Metadata.Id, r => r.Keywords, StringComparer.Ordinal);
        var rules = services.AllRules.AsEnumerable();
        if (category is not null)
        {
            if (!EnumNames.TryParseCategory(category, out var parsed))
            {
                throw new UsageException($"unknown category '{category}'; valid: {string.Join(", ", EnumNames.WireNames<Category>())}");
            }

            rules = rules.Where(r => r.Category == parsed);
        }

        var env = services.Environment;
        if (format == ListFormat.Json)
        {
            var buffer = new MemoryStream();
            await using (buffer.ConfigureAwait(false))
            {
                var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
                await using (writer.ConfigureAwait(false))
                {
                    writer.WriteStartArray();
                    foreach (var rule in rules)
                    {
                        WriteRule(writer, rule, keywords.GetValueOrDefault(rule.Id));
                    }

                    writer.WriteEndArray();
                }

                await env.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            }

            return 0;
        }

        var console = PlainConsole(env);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in new[] { "ID", "Name", "Category", "Severity", "Confidence", "Status", "Title" })
        {
            table.AddColumn(header);
        }

        foreach (var rule in rules)
        {
            table.AddRow(
                Markup.Escape(rule.Id), Markup.Escape(rule.Name), rule.Category.ToWire(), rule.DefaultSeverity.ToWire(),
                rule.Confidence.ToWire(), rule.Status.ToWire(), Markup.Escape(rule.Title));
        }

        console.Write(table);
        await env.Out.FlushAsync(token).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ShowAsync(CliServices services, string id, CancellationToken token)
    {
        var rule = services.AllRules.FirstOrDefault(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(id, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown rule '{id}' (see 'shipgate rules list')");
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{rule.Id}  {rule.Name}");
        text.AppendLine(rule.Title);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Category:    {rule.Category.ToWire()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Severity:    {rule.DefaultSeverity.ToWire()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Confidence:  {rule.Confidence.ToWire()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Status:      {rule.Status.ToWire()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Equivalents: {(rule.Equivalents.Count == 0 ? "none" : string.Join(", ", rule.Equivalents))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Help:        {rule.HelpUri}");
        if (rule.Description.Length > 0)
        {
            text.AppendLine().AppendLine(rule.Description);
        }

        if (rule.Remediation.Length > 0)
        {
            text.AppendLine().AppendLine("How to fix: " + rule.Remediation);
        }

        await services.Environment.Out.WriteAsync(text.ToString().AsMemory(), token).ConfigureAwait(false);
        return 0;
    }

    private static void WriteRule(Utf8JsonWriter writer, RuleMetadata rule, IReadOnlyList<string>? keywords)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("name", rule.Name);
        writer.WriteString("title", rule.Title);
        writer.WriteString("category", rule.Category.ToWire());
        writer.WriteString("severity", rule.DefaultSeverity.ToWire());
        writer.WriteString("confidence", rule.Confidence.ToWire());
        writer.WriteString("status", rule.Status.ToWire());
        writer.WriteStartArray("equivalents");
        foreach (var equivalent in rule.Equivalents)
        {
            writer.WriteStringValue(equivalent);
        }

        writer.WriteEndArray();
        writer.WriteString("helpUri", rule.HelpUri.ToString());
        if (keywords is not null)
        {
            writer.WriteStartArray("keywords");
            foreach (var keyword in keywords)
            {
                writer.WriteStringValue(keyword);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    internal static IAnsiConsole PlainConsole(CliEnvironment env)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(env.Out),
            Ansi = env.OutputIsTerminal && !env.NoColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = env.OutputIsTerminal && !env.NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!env.OutputIsTerminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }
}
