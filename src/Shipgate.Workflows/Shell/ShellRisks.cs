namespace Shipgate.Workflows.Shell;

/// <summary>
/// Risky patterns in shell commands shared by the GitHub and GitLab rules: TLS/SSH verification turned off,
/// downloads piped into an interpreter, and plain-HTTP endpoints. Each hit names the command and a short
/// description. Stateless.
/// </summary>
public static class ShellRisks
{
    private static readonly string[] Interpreters = ["sh", "bash", "zsh", "dash", "ksh", "python", "python3", "perl", "ruby", "node", "pwsh", "powershell", "iex", "invoke-expression"];
    private static readonly string[] Downloaders = ["curl", "wget", "iwr", "irm", "invoke-webrequest", "invoke-restmethod", "fetch"];

    /// <summary>Environment variables that turn verification off when set to the given values.</summary>
    public static readonly (string Name, string[] Values)[] InsecureVariables =
    [
        ("GIT_SSL_NO_VERIFY", ["1", "true", "yes"]),
        ("NODE_TLS_REJECT_UNAUTHORIZED", ["0"]),
        ("PYTHONHTTPSVERIFY", ["0"]),
        ("CURL_INSECURE", ["1", "true"]),
        ("NPM_CONFIG_STRICT_SSL", ["false"]),
        ("GOINSECURE", ["*"]),
        ("GONOSUMDB", ["*"]),
        ("GOFLAGS", ["-insecure"]),
    ];

    public static IEnumerable<(ShellCommand Command, string What)> TlsBypasses(IEnumerable<ShellCommand> commands)
    {
        foreach (var command in commands)
        {
            var name = BaseName(command.Name);
            var args = command.Words.Skip(1).Select(w => w.Text).ToList();
            string? what = name switch
            {
                "curl" when args.Any(a => a is "-k" or "--insecure" || (a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('k', StringComparison.Ordinal) && a.Length <= 5)) => "curl --insecure",
                "wget" when args.Contains("--no-check-certificate") => "wget --no-check-certificate",
                "ssh" or "scp" or "sftp" or "rsync" when args.Any(a => a.Contains("StrictHostKeyChecking=no", StringComparison.OrdinalIgnoreCase)) => "StrictHostKeyChecking=no",
                "git" when args.Count >= 3 && args.Any(a => a.Equals("http.sslVerify", StringComparison.OrdinalIgnoreCase)) && args.Any(a => a.Equals("false", StringComparison.OrdinalIgnoreCase)) => "git http.sslVerify false",
                "git" when args.Any(a => a.Equals("http.sslVerify=false", StringComparison.OrdinalIgnoreCase)) => "git http.sslVerify=false",
                "npm" or "yarn" or "pnpm" when args.Contains("strict-ssl") && args.Contains("false") => "npm strict-ssl false",
                "pip" or "pip3" when args.Contains("--trusted-host") => "pip --trusted-host",
                "export" or "set" when args.Any(IsInsecureAssignment) => "insecure environment variable",
                "helm" or "kubectl" or "docker" when args.Contains("--insecure-skip-tls-verify") || args.Contains("--tls-verify=false") => "--insecure-skip-tls-verify",
                "invoke-webrequest" or "invoke-restmethod" or "iwr" or "irm" when args.Any(a => a.Equals("-SkipCertificateCheck", StringComparison.OrdinalIgnoreCase)) => "-SkipCertificateCheck",
                _ => null,
            };

            if (what is null && args.Any(a => a.Contains("StrictHostKeyChecking=no", StringComparison.OrdinalIgnoreCase) || a.Contains("StrictHostKeyChecking no", StringComparison.OrdinalIgnoreCase)))
            {
                what = "StrictHostKeyChecking=no";
            }

            if (what is not null)
            {
                yield return (command, what);
            }
        }
    }

    /// <summary>True for <c>NAME=value</c> that disables verification.</summary>
    public static bool IsInsecureAssignment(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && IsInsecureVariable(word[..eq], word[(eq + 1)..]);
    }

    public static bool IsInsecureVariable(string name, string value) =>
        InsecureVariables.Any(v => v.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)
            && v.Values.Any(x => x == "*" ? value.Trim().Length > 0 : value.Trim().Trim('"', '\'').Equals(x, StringComparison.OrdinalIgnoreCase)));

    /// <summary><c>curl … | sh</c>, <c>bash &lt;(curl …)</c>, <c>sh -c "$(curl …)"</c>.</summary>
    public static IEnumerable<(ShellCommand Command, string What)> PipeToShell(IReadOnlyList<ShellCommand> commands)
    {
        for (var i = 1; i < commands.Count; i++)
        {
            var current = commands[i];
            var previous = commands[i - 1];
            var interpreter = BaseName(current.Name) is "sudo" && current.Words.Count > 1 ? BaseName(current.Words[1].Text) : BaseName(current.Name);
            if (current.Piped && Interpreters.Contains(interpreter) && Downloaders.Contains(BaseName(previous.Name)))
            {
                yield return (previous, $"{BaseName(previous.Name)} | {interpreter}");
            }

            if (Downloaders.Contains(BaseName(current.Name)) && !current.Piped && Interpreters.Contains(BaseName(previous.Name))
                && previous.Words.Count <= 3 && previous.Words.Any(w => w.Text is "-c" or "<"))
            {
                yield return (previous, $"{BaseName(previous.Name)} -c \"$({BaseName(current.Name)} …)\"");
            }

            if (!current.Piped && Interpreters.Contains(BaseName(current.Name)) && current.Words.Any(w => w.Text == "-c")
                && Downloaders.Contains(BaseName(previous.Name)) && previous.Offset > current.Offset)
            {
                yield return (current, $"{BaseName(current.Name)} -c \"$({BaseName(previous.Name)} …)\"");
            }
        }
    }

    /// <summary>Downloads, uploads and registry flags that use plain http:// to a non-local host.</summary>
    public static IEnumerable<(ShellCommand Command, string Url)> PlainHttp(IEnumerable<ShellCommand> commands)
    {
        foreach (var command in commands)
        {
            var name = BaseName(command.Name);
            if (name is not ("curl" or "wget" or "pip" or "pip3" or "npm" or "yarn" or "pnpm" or "docker" or "helm" or "git" or "iwr" or "invoke-webrequest" or "gem" or "dotnet" or "nuget" or "twine"))
            {
                continue;
            }

            foreach (var word in command.Words.Skip(1))
            {
                var text = word.Text;
                var at = text.IndexOf("http://", StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && IsRemote(text[at..]))
                {
                    yield return (command, text[at..]);
                    break;
                }
            }
        }
    }

    /// <summary>True when an http URL points somewhere other than this machine.</summary>
    public static bool IsRemote(string url)
    {
        var rest = url["http://".Length..];
        var host = rest.Split('/', ':', '?')[0].ToLowerInvariant();
        return host.Length > 0 && host is not ("localhost" or "127.0.0.1" or "0.0.0.0" or "[::1]") && !host.EndsWith(".local", StringComparison.Ordinal)
            && !host.StartsWith("${", StringComparison.Ordinal) && !host.StartsWith('$');
    }

    private static string BaseName(string word)
    {
        var name = word.Contains('/', StringComparison.Ordinal) ? word[(word.LastIndexOf('/') + 1)..] : word;
        return name.ToLowerInvariant();
    }
}
