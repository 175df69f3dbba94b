using Shipgate.Secrets.Rules;

namespace Shipgate.Secrets.Tests.Rules;

/// <summary>
/// Which assignment keys the generic rules treat as naming something about a secret (its id, length, URL…) rather than
/// holding one: the last word decides, in any case style, unless "key" is qualified as a secret's (<c>api_key</c>).
/// </summary>
public sealed class ExcludedKeyTests
{
    [Theory]
    [InlineData("token_id")]
    [InlineData("TOKEN_URL")]
    [InlineData("secretName")]
    [InlineData("apiKeyId")]
    [InlineData("client-secret-length")]
    [InlineData("SESSION_TOKEN_TTL")]
    [InlineData("primary_key")]
    [InlineData("foreignKey")]
    [InlineData("OAuthTokenEndpoint")]
    [InlineData("passwordPolicy")]
    public void Should_exclude_keys_whose_last_word_names_a_property_of_the_secret(string key) =>
        GenericSecretAssignment.IsExcludedKey(key).ShouldBeTrue(key);

    [Theory]
    [InlineData("token")]
    [InlineData("api_key")]
    [InlineData("apiKey")]
    [InlineData("SIGNING_KEY")]
    [InlineData("sessionKey")]
    [InlineData("client_secret")]
    [InlineData("accessToken")]
    [InlineData("password")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("id")]
    public void Should_keep_keys_that_hold_the_secret(string key) =>
        GenericSecretAssignment.IsExcludedKey(key).ShouldBeFalse(key);
}
