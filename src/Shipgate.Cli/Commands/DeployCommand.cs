using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shipgate.Cli.Gate;
using Shipgate.Gate.Contracts;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate deploy request|approve|reject|cancel|override|list|show|start|finish|verify</c>: the pipeline and approver
/// side of the gate. <c>request --wait</c> exits 0 when approved, 1 when rejected, expired, cancelled, superseded or
/// timed out, 2 on errors.
/// </summary>
internal static class DeployCommand
{
    public const string ExitCodeHelp = "Exit codes: 0 approved (or done), 1 rejected, expired, cancelled, superseded, timed out or unhealthy, 2 usage or gate error.";

    public static Command Create(CliServices services)
    {
        var command = new Command("deploy", "Request, approve and record deployments through the gate. " + ExitCodeHelp)
        {
            Request(services),
            Decide(services, "approve", "Approve a pending deployment request."),
            Decide(services, "reject", "Reject a pending deployment request."),
            Simple(services, "cancel", "Withdraw an open request (requester or env-admin)."),
            Override(services),
            List(services),
            Show(services),
            Simple(services, "start", "Start an approved deployment (takes the environment's lock)."),
            Finish(services),
            Verify(services),
        };
        return command;
    }

    private static Argument<long> IdArgument() => new("ID") { Description = "Deployment request id." };

    private static Command Request(CliServices services)
    {
        var gate = new GateConnection();
        var environment = new Option<string>("--env") { Description = "Target environment.", Required = true };
        var commit = new Option<string?>("--commit") { Description = "Full commit SHA (default: GITHUB_SHA or CI_COMMIT_SHA)." };
        var gitRef = new Option<string?>("--ref") { Description = "Git ref, e.g. refs/heads/main (default: GITHUB_REF, or CI_COMMIT_TAG/CI_COMMIT_BRANCH)." };
        var artifact = new Option<string?>("--artifact") { Description = "Artifact digest, sha256:<64 hex>." };
        var wait = new Option<bool>("--wait") { Description = "Block until the request is decided, printing what it still waits for." };
        var timeout = new Option<string?>("--timeout") { Description = "How long --wait waits (default 2h)." };
        var command = new Command("request", "Ask the gate for a deployment; prints the request id. " + ExitCodeHelp) { environment, commit, gitRef, artifact, wait, timeout };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            var env = services.Environment;
            var ci = CiContext.From(env.GetEnvironmentVariable);
            var sha = result.GetValue(commit) ?? ci.Commit ?? throw new UsageException("no commit: give --commit or run in GitHub Actions or GitLab CI");
            var reference = result.GetValue(gitRef) ?? ci.Ref ?? throw new UsageException("no ref: give --ref (e.g. refs/heads/main)");
            var (message, author) = (ci.CommitMessage, ci.Author);
            if (message is null || author is null)
            {
                var fromGit = CiContext.FromGit(env.WorkingDirectory, sha);
                message ??= fromGit.Message;
                author ??= fromGit.Author;
            }

            var waitFor = GateVerb.Duration(result.GetValue(timeout), "--timeout", TimeSpan.FromHours(2));
            using var client = gate.Connect(result, env, TimeSpan.FromSeconds(90));
            var created = await client.RequestAsync(new DeploymentRequestBody(
                result.GetValue(environment)!, sha, reference, result.GetValue(artifact), ci.Repository, ci.Workflow, ci.RunId, ci.RunNumber, message, author, ci.TriggeredBy), token).ConfigureAwait(false);
            await env.Out.WriteLineAsync(created.Id.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await env.Error.WriteLineAsync($"shipgate: requested deployment {created.Id} of {created.Commit[..12]} to {created.Environment}: {created.Status}").ConfigureAwait(false);
            return result.GetValue(wait) ? await WaitAsync(env, client, created, waitFor, token).ConfigureAwait(false) : ExitFor(created.Status, pendingIsSuccess: true);
        }));
        return command;
    }

    /// <summary>Long-polls until the request leaves <c>pending</c>, printing each change of what it waits for.</summary>
    private static async Task<int> WaitAsync(CliEnvironment env, GateClient client, DeploymentDto current, TimeSpan timeout, CancellationToken token)
    {
        var deadline = env.Time.GetUtcNow() + timeout;
        var lastWaiting = "";
        var failures = 0;
        while (current.Status == "pending")
        {
            var waiting = string.Join("; ", current.Waiting);
            if (waiting != lastWaiting)
            {
                await env.Error.WriteLineAsync($"shipgate: deployment {current.Id} pending, waiting for {waiting}").ConfigureAwait(false);
                lastWaiting = waiting;
            }

            var left = deadline - env.Time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                await env.Error.WriteLineAsync($"shipgate: deployment {current.Id} was not decided within {timeout}").ConfigureAwait(false);
                return 1;
            }

            try
            {
                current = await client.WaitAsync(current.Id, current.Etag, (int)Math.Clamp(left.TotalSeconds, 1, 25), token).ConfigureAwait(false);
                failures = 0;
            }
            catch (GateCallException ex) when (ex.Transient && ++failures <= 5)
            {
                await env.Error.WriteLineAsync($"shipgate: {ex.Message}; retrying ({failures}/5)").ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(2 * failures), env.Time, token).ConfigureAwait(false);
            }
        }

        await env.Error.WriteLineAsync($"shipgate: deployment {current.Id} {current.Status}" +
            (current.Approvals.Count > 0 ? $" ({string.Join(", ", current.Approvals.Select(a => $"{a.Decision} by {a.Approver}"))})" : "")).ConfigureAwait(false);
        return ExitFor(current.Status, pendingIsSuccess: false);
    }

    private static int ExitFor(string status, bool pendingIsSuccess) => status switch
    {
        "approved" or "in_progress" or "succeeded" => 0,
        "pending" when pendingIsSuccess => 0,
        _ => 1,
    };

    private static Command Decide(CliServices services, string verb, string description)
    {
        var gate = new GateConnection();
        var id = IdArgument();
        var comment = new Option<string?>("--comment") { Description = "Why (recorded in the audit log)." };
        var command = new Command(verb, description) { id, comment };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            var dto = await client.ActAsync(result.GetValue(id), verb, new DecisionBody(result.GetValue(comment)), token).ConfigureAwait(false);
            await services.Environment.Out.WriteLineAsync(GateVerb.Describe(dto)).ConfigureAwait(false);
            foreach (var waiting in dto.Waiting)
            {
                await services.Environment.Out.WriteLineAsync($"  waiting for {waiting}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Command Simple(CliServices services, string verb, string description)
    {
        var gate = new GateConnection();
        var id = IdArgument();
        var command = new Command(verb, description) { id };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            // start waits for the previous stage's health check (at most 10 minutes, see HealthCheck.MaxWorstCase).
            using var client = gate.Connect(result, services.Environment, verb == "start" ? TimeSpan.FromMinutes(15) : null);
            var dto = await client.ActAsync(result.GetValue(id), verb, null, token).ConfigureAwait(false);
            await services.Environment.Out.WriteLineAsync(GateVerb.Describe(dto)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Override(CliServices services)
    {
        var gate = new GateConnection();
        var id = IdArgument();
        var reason = new Option<string>("--reason") { Description = "Why the freeze is overridden (required, audited).", Required = true };
        var command = new Command("override", "Let a request through freeze windows (env-admin).") { id, reason };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            var dto = await client.ActAsync(result.GetValue(id), "override", new OverrideBody(result.GetValue(reason)!), token).ConfigureAwait(false);
            await services.Environment.Out.WriteLineAsync(GateVerb.Describe(dto)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List(CliServices services)
    {
        var gate = new GateConnection();
        var environment = new Option<string?>("--env") { Description = "Only this environment." };
        var status = new Option<string?>("--status") { Description = "Only this status (pending, approved, in_progress, …)." };
        var limit = new Option<int>("--limit") { Description = "At most this many (default 50).", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List deployment requests, newest first.") { environment, status, limit, json };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            var list = await client.ListAsync(result.GetValue(environment), result.GetValue(status), result.GetValue(limit), token).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await services.Environment.Out.WriteLineAsync(JsonSerializer.Serialize(list, GateVerb.Json)).ConfigureAwait(false);
                return 0;
            }

            foreach (var dto in list)
            {
                await services.Environment.Out.WriteLineAsync(GateVerb.Describe(dto)).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Command Show(CliServices services)
    {
        var gate = new GateConnection();
        var id = IdArgument();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("show", "Show one request: what it deploys, its approvals and what it still waits for.") { id, json };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            var dto = await client.GetAsync(result.GetValue(id), token).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await services.Environment.Out.WriteLineAsync(JsonSerializer.Serialize(dto, GateVerb.Json)).ConfigureAwait(false);
            }
            else
            {
                await GateVerb.WriteDetailsAsync(services.Environment.Out, dto).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Command Finish(CliServices services)
    {
        var gate = new GateConnection();
        var id = IdArgument();
        var status = new Option<string>("--status") { Description = "success or failure.", Required = true };
        status.AcceptOnlyFromAmong("success", "failure");
        var command = new Command("finish", "Record the end of a deployment and release the environment's lock.") { id, status };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            var dto = await client.ActAsync(result.GetValue(id), "finish", new FinishBody(result.GetValue(status)!), token).ConfigureAwait(false);
            await services.Environment.Out.WriteLineAsync(GateVerb.Describe(dto)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Verify(CliServices services)
    {
        var gate = new GateConnection();
        var id = IdArgument();
        var url = new Option<string>("--url") { Description = "Health endpoint of the deployed service; any 2xx is healthy.", Required = true };
        var retries = new Option<int>("--retries") { Description = "Attempts before giving up (default 5).", DefaultValueFactory = _ => 5 };
        var interval = new Option<string?>("--interval") { Description = "Pause between attempts (default 30s)." };
        var command = new Command("verify", "Post-deployment health loop; records the outcome on the request. Exit 0 healthy, 1 unhealthy.") { id, url, retries, interval };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            var env = services.Environment;
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"'{result.GetValue(url)}' is not an http(s) URL for --url");
            }

            var attempts = Math.Clamp(result.GetValue(retries), 1, 1000);
            var pause = GateVerb.Duration(result.GetValue(interval), "--interval", TimeSpan.FromSeconds(30));
            using var client = gate.Connect(result, env);
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string detail = "";
            var attempt = 0;
            var healthy = false;
            while (attempt < attempts && !healthy)
            {
                attempt++;
                try
                {
                    using var response = await probe.GetAsync(target, token).ConfigureAwait(false);
                    healthy = response.IsSuccessStatusCode;
                    detail = $"{target} answered {(int)response.StatusCode}";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
                {
                    detail = $"{target} unreachable: {ex.Message}";
                }

                await env.Error.WriteLineAsync($"shipgate: attempt {attempt}/{attempts}: {detail}").ConfigureAwait(false);
                if (!healthy && attempt < attempts)
                {
                    await Task.Delay(pause, env.Time, token).ConfigureAwait(false);
                }
            }

            var outcome = healthy ? "healthy" : "unhealthy";
            await client.ActAsync(result.GetValue(id), "verification", new VerificationBody(outcome, target.ToString(), attempt, detail), token).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"{outcome} after {attempt} attempt(s)").ConfigureAwait(false);
            return healthy ? 0 : 1;
        }));
        return command;
    }
}
