using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC150: Telegram Bot API tokens: a numeric bot id, a colon, <c>AA</c> and 33 base64url characters.</summary>
public sealed partial class TelegramBotToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC150",
        Name: "telegram-bot-token",
        Title: "Telegram bot token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:telegram-bot-api-token"],
        Description = "Finds Telegram Bot API tokens (bot id, colon, AA and 33 characters) in text that mentions Telegram or a bot. "
            + "The token is the bot's only credential: it reads every message sent to the bot and sends messages in its name.",
        Remediation = "Revoke the token with @BotFather (/revoke), then set the new token from an environment variable or secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["telegram", "bot"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "TELEGRAM_BOT_TOKEN=" + Samples.From(Samples.Digits, 10) + ":AA" + Samples.Base64Url(33);
        yield return "https://api.telegram.org/bot" + Samples.From(Samples.Digits, 9) + ":AA" + Samples.Base64Url(33) + "/sendMessage";
        yield return "bot = telebot.TeleBot(\"" + Samples.From(Samples.Digits, 10) + ":AA" + Samples.Base64Url(33) + "\")";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TELEGRAM_BOT_TOKEN=${TELEGRAM_BOT_TOKEN}";
        yield return "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "TELEGRAM_BOT_TOKEN=" + Samples.From(Samples.Digits, 10) + ":AA" + Samples.Base64Url(20);
    }
}
