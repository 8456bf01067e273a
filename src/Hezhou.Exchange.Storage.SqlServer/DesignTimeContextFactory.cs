using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hezhou.Exchange.Storage.SqlServer;

/// <summary>Lets `dotnet ef` build the context for this provider's migrations without starting the server.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ExchangeDbContext>
{
    public ExchangeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(options, StorageProvider.SqlServer, DesignTimeConnectionString);
        return new ExchangeDbContext(options.Options);
    }

    // Only used to generate migrations and scripts; no connection is opened.
    internal const string DesignTimeConnectionString = "Server=localhost;Database=HezhouExchange;Integrated Security=true;TrustServerCertificate=true";
}
