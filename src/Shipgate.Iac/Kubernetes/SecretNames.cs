using System.Text;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// Decides whether a variable or key name (<c>DB_PASSWORD</c>, <c>apiKey</c>, <c>client.secret</c>) names a credential,
/// and whether a value is a literal rather than a reference (<c>$(VAR)</c>, <c>${VAR}</c>, <c>{{ … }}</c>). Names are
/// split into words at separators and camel-case humps; a name that ends in a word describing the secret rather than
/// holding it (<c>PASSWORD_FILE</c>, <c>TOKEN_TTL</c>) is not a credential. Stateless.
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pass", "pwd", "pw", "passphrase", "secret", "token", "apikey", "credential", "credentials",
        "privatekey", "secretkey", "accesskey", "clientsecret", "authtoken", "pswrd", "pword",
    };

    private static readonly HashSet<string> Pairs = new(StringComparer.Ordinal)
    {
        "api key", "access key", "private key", "secret key", "client secret", "auth token", "access token", "refresh token",
        "aws access", "signing key", "encryption key", "master key",
    };

    private static readonly HashSet<string> Descriptive = new(StringComparer.Ordinal)
    {
        "file", "path", "dir", "ttl", "expiry", "expires", "expiration", "timeout", "length", "len", "size", "url", "uri",
        "endpoint", "name", "header", "type", "enabled", "enable", "disabled", "required", "policy", "version", "id", "ref",
        "key_ref", "secret_ref", "mode", "format", "prefix", "hash", "algorithm", "algo", "env", "var", "rotation", "min", "max", "count",
    };

    public static bool IsSecretName(string name)
    {
        var words = Split(name);
        if (words.Count == 0 || Descriptive.Contains(words[^1]))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (Words.Contains(words[i]) || (i + 1 < words.Count && Pairs.Contains(words[i] + " " + words[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a value that is written out: non-empty and not a reference or template placeholder.</summary>
    public static bool IsLiteral(string value)
    {
        var trimmed = value.Trim().Trim('"', '\'');
        if (trimmed.Length == 0)
        {
            return false;
        }

        return !(trimmed.StartsWith("$(", StringComparison.Ordinal) || trimmed.StartsWith("${", StringComparison.Ordinal)
            || trimmed.StartsWith("{{", StringComparison.Ordinal) || trimmed.StartsWith("%{", StringComparison.Ordinal)
            || (trimmed.StartsWith('<') && trimmed.EndsWith('>'))
            || (trimmed.StartsWith('$') && trimmed.Length > 1 && trimmed[1..].All(c => char.IsLetterOrDigit(c) || c == '_')));
    }

    internal static List<string> Split(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
