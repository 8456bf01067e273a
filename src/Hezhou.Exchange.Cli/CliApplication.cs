using System.Reflection;
using Hezhou.Exchange.Cli.Commands;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli;

/// <summary>The commands of the client, built once here for the entry point and for the tests alike.</summary>
internal sealed class CliApplication
{
    private readonly CommandApp app = new();
    private string[] arguments = [];

    private CliApplication(CliOutput output)
    {
        app.Configure(config =>
        {
            config.SetApplicationName("hezhou");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(output.Console);
            config.Settings.Registrar.RegisterInstance(output);
            // A misspelled option is an error, not an option silently ignored (stats --as-off would answer for today).
            config.Settings.StrictParsing = true;
            config.SetHelpProvider(new HezhouHelpProvider(config.Settings));
            config.SetExceptionHandler((exception, _) => CliErrors.Report(exception, output, arguments));

            // The data set and the whole service at once.
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a seed-calibrated data set: each department's records as .jsonl and .csv, and injected.json.")
                .WithExample("generate", "--out", "data", "--inject", "dibao-with-tekun=3,unknown-person=2");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Push the default data set into an empty server as the three departments, and compare the city's figures with the seed report.")
                .WithExample("demo", "--server", "http://127.0.0.1:5080");

            // Departments: data in.
            config.AddCommand<PushCommand>("push")
                .WithDescription("Stream files of records to the server: resumable, idempotent, with progress.")
                .WithExample("push", "--api-key", "dev-relocation-key", "relocation.jsonl");

            // Auditors: reconciled data out.
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("The city's indicators for the city, a county or a site, as of a date.")
                .WithExample("stats", "--api-key", "dev-auditor-key", "--as-of", "2023-12-31");
            config.AddCommand<PersonCommand>("person")
                .WithDescription("One reconciled person, with the source of every field. Logged with its purpose.")
                .WithExample("person", "45110219700202161X", "--purpose", "case-2024-17", "--api-key", "dev-auditor-key");
            config.AddCommand<HouseholdCommand>("household")
                .WithDescription("One reconciled household with its members. Logged with its purpose.")
                .WithExample("household", "45110200100001", "--purpose", "case-2024-17", "--api-key", "dev-auditor-key");
            config.AddCommand<DiscrepanciesCommand>("discrepancies")
                .WithDescription("Conflicts between departments' records, filtered and paged.")
                .WithExample("discrepancies", "--rule", "dibao-with-tekun", "--status", "open", "--api-key", "dev-auditor-key");
            config.AddCommand<HistoryCommand>("history")
                .WithDescription("Every version of one source record: who sent it, when, in which batch.")
                .WithExample("history", "--department", "civil-affairs", "--kind", "welfare-entitlement", "--purpose", "case-2024-17", "CSDB00000001");

            // The discrepancy loop: a department answers, an auditor acknowledges or waives.
            config.AddCommand<AnswerCommand>("answer")
                .WithDescription("As a department: answer a discrepancy your records are involved in (will-correct or disputed), with a reason.")
                .WithExample("answer", "zero-employment-household/45110200100001/", "--answer", "will-correct", "--reason", "job record to follow", "--api-key", "dev-human-resources-key");
            config.AddCommand<AckCommand>("ack")
                .WithDescription("As an auditor: acknowledge an open discrepancy, to follow it up.")
                .WithExample("ack", "zero-employment-household/45110200100001/", "--note", "case 2024-17", "--api-key", "dev-auditor-key");
            config.AddCommand<WaiveCommand>("waive")
                .WithDescription("As an auditor: waive an open or acknowledged discrepancy; a note is required.")
                .WithExample("waive", "zero-employment-household/45110200100001/", "--note", "household moved away", "--api-key", "dev-auditor-key");

            // Administrators: the tamper-evident ledger.
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Recompute the ledger's hash chains on the server and name the first broken link; prints the heads to record.")
                .WithExample("verify", "--api-key", "dev-administrator-key");
        });
    }

    /// <summary>The informational version the build stamps (e.g. "1.0.0+5e59a1c"), as --version prints it.</summary>
    public static string Version { get; } =
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliApplication).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Each command's settings type, to suggest the nearest option to a misspelled one.</summary>
    public static IReadOnlyDictionary<string, Type> SettingsOfCommands { get; } = new Dictionary<string, Type>
    {
        ["generate"] = typeof(GenerateSettings),
        ["demo"] = typeof(DemoSettings),
        ["push"] = typeof(PushSettings),
        ["stats"] = typeof(StatsSettings),
        ["person"] = typeof(PersonSettings),
        ["household"] = typeof(HouseholdSettings),
        ["discrepancies"] = typeof(DiscrepanciesSettings),
        ["history"] = typeof(HistorySettings),
        ["verify"] = typeof(VerifySettings),
    };

    public static CliApplication Create(CliOutput output) => new(output);

    public Task<int> RunAsync(string[] args)
    {
        arguments = args;
        return app.RunAsync(args);
    }
}
