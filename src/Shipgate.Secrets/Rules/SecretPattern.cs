using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>
/// The declarative base every secret rule derives from: metadata, literal keywords for the prefilter,
/// one regex (with a timeout), and optional entropy floor and checksum. Each rule carries its own
/// generated true-positive samples and false-positive samples, which the catalogue tests run.
/// Rules are stateless and shared across threads.
/// </summary>
public abstract class SecretPattern : IRule
{
    /// <summary>Timeout for every secret regex: scanned text is untrusted.</summary>
    public const int RegexTimeoutMilliseconds = 250;

    public abstract RuleMetadata Metadata { get; }

    /// <summary>
    /// Literals (matched case-insensitively) of which at least one must occur near a secret. The prefilter
    /// only runs <see cref="Pattern"/> around hits of these. Keep them specific: <c>ghp_</c>, not <c>gh</c>.
    /// </summary>
    public abstract IReadOnlyList<string> Keywords { get; }

    /// <summary>
    /// The pattern. When it has a group named <c>secret</c>, that group is the secret value; otherwise the whole match is.
    /// Must be built with a timeout (<see cref="RegexTimeoutMilliseconds"/>) or <see cref="RegexOptions.NonBacktracking"/>.
    /// </summary>
    public abstract Regex Pattern { get; }

    /// <summary>Minimum Shannon entropy (bits per character) of the secret value, or null for none.</summary>
    public virtual double? MinEntropy => null;

    /// <summary>
    /// How many characters around a keyword hit the pattern may need to see. Single-line tokens need
    /// little; multi-line formats (private keys, JSON service accounts) declare more.
    /// </summary>
    public virtual int WindowBefore => 256;

    /// <summary>See <see cref="WindowBefore"/>.</summary>
    public virtual int WindowAfter => 512;

    /// <summary>
    /// True for catch-all rules (<c>password = ...</c>, <c>api_key: ...</c>). When a generic and a specific rule
    /// match the same span, the detector keeps the specific one. Default: false.
    /// </summary>
    public virtual bool IsGeneric => false;

    /// <summary>
    /// Ids of rules this one wins against when both report overlapping secrets, because this rule recognises the
    /// enclosing structure: a GCP service-account file holds a PKCS#8 key; a kubeconfig's <c>client-key-data</c> holds
    /// a base64 PEM key. Checked before every other tie-breaker. Default: none.
    /// </summary>
    public virtual IReadOnlyList<string> Supersedes => [];

    /// <summary>
    /// True when the pattern cannot be anchored to a keyword and must run over the whole buffer (chunk by chunk
    /// for streamed input). Rules without keywords are treated this way too. Costly: prefer keywords. Default: false.
    /// </summary>
    public virtual bool RequiresWholeBuffer => false;

    /// <summary>
    /// True when this rule overrides <see cref="IsPlausibleHit"/>; the detector then asks it about every keyword hit.
    /// </summary>
    public virtual bool ChecksHits => false;

    /// <summary>
    /// A cheap look at the text around a keyword hit, before any window is made for it: false only when no match the
    /// rule would report can run through this occurrence of the keyword (e.g. a generic assignment rule's keyword not
    /// followed by <c>=</c> or <c>:</c>, or followed by a value its own checks reject). It must never reject a hit a
    /// reported match runs through; a test checks this for every rule that overrides it. Rules that set
    /// <see cref="ChecksHits"/> override it. Default: plausible.
    /// </summary>
    /// <param name="text">The whole text being scanned (the pattern may read past the hit).</param>
    /// <param name="offset">Where the keyword occurrence starts in <paramref name="text"/>.</param>
    /// <param name="keyword">The keyword, as declared in <see cref="Keywords"/> (the text matched it ignoring case).</param>
    public virtual bool IsPlausibleHit(ReadOnlySpan<char> text, int offset, string keyword) => true;

    /// <summary>Structural check beyond the regex (a checksum, a decodable payload). Default: accept.</summary>
    public virtual bool IsValid(string secret, Match match) => true;

    /// <summary>
    /// Every check a regex match's secret passes before it is reported, in order: <see cref="IsPlaceholder"/>, the
    /// <see cref="MinEntropy"/> floor, <see cref="IsValid"/>.
    /// </summary>
    internal bool Accepts(string secret, Match match) =>
        !IsPlaceholder(secret) && !(MinEntropy is { } floor && Entropy.Shannon(secret) < floor) && IsValid(secret, match);

    /// <summary>
    /// Extra rule-specific false-positive filtering with the whole match in view (placeholders, examples).
    /// Default: reject obvious placeholders.
    /// </summary>
    public virtual bool IsPlaceholder(string secret) => Placeholders.LooksLikePlaceholder(secret);

    /// <summary>Lines (or short snippets) that contain a real-shaped secret generated now, which the rule must find.</summary>
    public abstract IEnumerable<string> TruePositives();

    /// <summary>Lines that look close but must not fire (placeholders, wrong length, bad checksum, env lookups).</summary>
    public abstract IEnumerable<string> FalsePositives();
}
