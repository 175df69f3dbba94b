using System.CommandLine;
using Shipgate.Cli.Gate;
using Shipgate.Gate.Config;
using Shipgate.Gate.Contracts;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate gate apply FILE | export</c>: the gate's configuration as code.</summary>
internal static class GateCommand
{
    public static Command Create(CliServices services) => new("gate", "Manage the deployment gate's configuration as code.")
    {
        Apply(services),
        Export(services),
    };

    private static Command Apply(CliServices services)
    {
        var gate = new GateConnection();
        var file = new Argument<string>("FILE") { Description = "gate.yml: groups and environments with their protection rules." };
        var check = new Option<bool>("--check") { Description = "Only validate the file locally; do not contact the gate." };
        var command = new Command("apply", "Validate gate.yml and apply it as the next configuration version (audited).") { file, check };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            var env = services.Environment;
            var path = env.Resolve(result.GetValue(file)!);
            string yaml;
            try
            {
                yaml = await File.ReadAllTextAsync(path, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{path}: cannot read: {ex.Message}");
            }

            GateConfig parsed;
            try
            {
                parsed = GateConfigParser.Parse(yaml, result.GetValue(file)!);
            }
            catch (GateConfigException ex)
            {
                throw new UsageException(ex.Message);
            }

            if (result.GetValue(check))
            {
                await env.Out.WriteLineAsync($"{result.GetValue(file)}: valid ({parsed.Environments.Count} environment(s), {parsed.Groups.Count} group(s))").ConfigureAwait(false);
                return 0;
            }

            using var client = gate.Connect(result, env);
            var applied = await client.ApplyConfigAsync(new ConfigApplyBody(yaml, Path.GetFileName(path)), token).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"applied configuration version {applied.Version} ({parsed.Environments.Count} environment(s))").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Export(CliServices services)
    {
        var gate = new GateConnection();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Print the gate's current configuration (gate.yml as applied).") { output };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            var env = services.Environment;
            using var client = gate.Connect(result, env);
            var config = await client.ExportConfigAsync(token).ConfigureAwait(false);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(env.Resolve(file), config.Yaml, token).ConfigureAwait(false);
            }
            else
            {
                await env.Out.WriteAsync(config.Yaml.EndsWith('\n') ? config.Yaml : config.Yaml + "\n").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
