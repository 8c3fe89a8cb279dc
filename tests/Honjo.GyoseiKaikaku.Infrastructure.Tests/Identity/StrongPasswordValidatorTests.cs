using System.Text.Json;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Identity;

public sealed class StrongPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijkl")]
    [InlineData("iloveyou2024")]
    [InlineData("Password2024")]
    [InlineData("aaaaaaaaaaaa1")]
    public void Common_and_patterned_passwords_are_refused_as_guessable(string password)
    {
        var result = StrongPasswordValidator.Validate(password, "someone");

        Assert.Equal(StrongPasswordValidator.TooGuessableCode, Assert.Single(result.Errors).Code);
        Assert.StartsWith("推測されやすいパスワードです。", result.Errors.Single().Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tonbo kawara yuuyake sora")]
    [InlineData("Kawa-sakura-honjo-river-7")]
    [InlineData("本庄の川辺で見た夕焼け")]
    public void Long_unrelated_words_are_accepted_without_digits_or_capitals(string password) =>
        Assert.True(StrongPasswordValidator.Validate(password, "someone").Succeeded);

    [Fact]
    public void The_user_ID_inside_the_password_is_refused_whatever_its_case()
    {
        var result = StrongPasswordValidator.Validate("Sora-SHIMIN.HONJO-kawa-7", "shimin.honjo");

        Assert.Equal(StrongPasswordValidator.ContainsUserNameCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void More_than_128_characters_are_refused_before_they_are_rated_and_128_are_rated()
    {
        var random = new Random(5);
        var longest = new string(Enumerable.Range(0, 128).Select(_ => (char)random.Next(33, 127)).ToArray());
        var accepted = StrongPasswordValidator.Validate(longest, "someone");
        var refused = StrongPasswordValidator.Validate(longest + "x", "someone");

        Assert.True(accepted.Succeeded);
        Assert.Equal("パスワードは128文字以内にしてください。", Assert.Single(refused.Errors).Description);
    }

    [Theory]
    [InlineData("kikaku")]
    [InlineData("shimin")]
    [InlineData("joho")]
    [InlineData("kanri")]
    public void The_Development_demo_password_passes_for_every_demo_account(string userName)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Web", "appsettings.Development.json")));
        var password = settings.RootElement.GetProperty("DemoAccounts").GetProperty("Password").GetString()!;

        Assert.True(StrongPasswordValidator.Validate(password, userName).Succeeded, $"The demo password fails the policy for {userName}.");
        Assert.True(password.Length >= StrongPasswordValidator.MinimumLength);
    }

    [Fact]
    public void The_test_password_passes()
    {
        Assert.True(StrongPasswordValidator.Validate(TestUsers.Password, "t-kikaku").Succeeded);
        Assert.True(TestUsers.Password.Length >= StrongPasswordValidator.MinimumLength);
    }
}
