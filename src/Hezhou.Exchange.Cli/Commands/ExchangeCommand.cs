using Grpc.Core;
using Hezhou.Exchange.Cli.Connection;
using Spectre.Console.Cli;

namespace Hezhou.Exchange.Cli.Commands;

/// <summary>A command that calls the server with the caller's key; failed calls are reported with the server's address.</summary>
internal abstract class ExchangeCommand<TSettings> : AsyncCommand<TSettings> where TSettings : KeyedSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var connection = new ExchangeConnection(settings.ServerAddress, settings.Key);
        try
        {
            return await RunAsync(connection, settings, cancellationToken);
        }
        catch (RpcException e)
        {
            throw new ServerCallException(settings.ServerAddress, e);
        }
    }

    protected abstract Task<int> RunAsync(ExchangeConnection connection, TSettings settings, CancellationToken cancellationToken);
}
