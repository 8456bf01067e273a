namespace Hezhou.Exchange.Testing;

/// <summary>Files of the repository the tests run from: the contracts and the clients in other languages.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Hezhou.Exchange.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Protos => Path.Combine(Root, "protos");

    public static string Clients => Path.Combine(Root, "tests", "Clients");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Hezhou.Exchange.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Hezhou.Exchange.sln above {AppContext.BaseDirectory}.");
    }
}
