namespace Hezhou.Exchange.Storage;

/// <summary>The database engine behind the store.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file; the default.</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server, for production.</summary>
    SqlServer,
}

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Which engine to use; Sqlite unless configured.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
