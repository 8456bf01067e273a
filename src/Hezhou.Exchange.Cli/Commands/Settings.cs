using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

/// <summary>Options of every command that talks to a server.</summary>
internal class ServerSettings : CommandSettings
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    [CommandOption("--server <URL>")]
    [Description("The exchange server. http:// only on loopback; https:// elsewhere.")]
    [DefaultValue(DefaultServer)]
    public string Server { get; set; } = DefaultServer;

    public Uri ServerAddress => new(Server);

    public override ValidationResult Validate() =>
        Uri.TryCreate(Server, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--server '{Server}' is not an http:// or https:// address, e.g. {DefaultServer}");
}

/// <summary>Options of the commands that call with an API key.</summary>
internal class KeyedSettings : ServerSettings
{
    public const string ApiKeyVariable = "HEZHOU_API_KEY";

    [CommandOption("--api-key <KEY>")]
    [Description("The API key, sent as x-api-key; defaults to the HEZHOU_API_KEY environment variable.")]
    public string? ApiKey { get; set; }

    public string Key => ApiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "";

    public override ValidationResult Validate()
    {
        var server = base.Validate();
        if (!server.Successful)
        {
            return server;
        }
        return string.IsNullOrWhiteSpace(Key)
            ? ValidationResult.Error($"no API key: pass --api-key KEY or set {ApiKeyVariable}")
            : ValidationResult.Success();
    }
}

/// <summary>Options of the query commands: a readable table, or the response as proto3 JSON.</summary>
internal class QuerySettings : KeyedSettings
{
    [CommandOption("--json")]
    [Description("Print the response as proto3 JSON and nothing else.")]
    public bool Json { get; set; }
}

/// <summary>Reads the option values that name dates and the contract's enum values.</summary>
internal static class OptionValues
{
    public static Google.Type.Date? Date(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"{option} '{text}' is not a date (YYYY-MM-DD)");
        }
        return new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day };
    }

    public static T Enum<T>(string? text, string option) where T : struct, System.Enum =>
        EnumLabels.TryParse<T>(text, out var value)
            ? value
            : throw new UsageException($"{option} '{text}' is not one of: {string.Join(", ", EnumLabels.EnglishNames<T>())}");
}
