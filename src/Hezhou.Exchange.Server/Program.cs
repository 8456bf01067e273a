using Hezhou.Exchange.Server.AccessLog;
using Hezhou.Exchange.Server.Audit;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Server.Requests;
using Hezhou.Exchange.Server.Rest;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Server.Submissions;
using Hezhou.Exchange.Server.Telemetry;
using Hezhou.Exchange.Storage;

NativeHeap.LimitArenas();
// A setting the server cannot run with safely ends it with one line on stderr and exit code 78, not a stack trace.
ServerConfigurationException.ExitCleanlyOnRefusal();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json lies beside the binaries; anchoring the content root there makes the server read it (and
    // speak HTTP/2) whatever folder it is started from, unless a content root is given explicitly.
    ContentRootPath = ServerDefaults.ExplicitContentRoot(args) ?? AppContext.BaseDirectory,
    // Development under `dotnet run` only when the caller names no environment; otherwise the caller's, or Production.
    EnvironmentName = ServerDefaults.LaunchEnvironment(args, Environment.GetEnvironmentVariable),
});

// Transport: gRPC needs HTTP/2; cleartext on loopback by default (h2c), TLS where a certificate is configured. TLS
// endpoints also speak HTTP/1.1, for the REST API, the OpenAPI document and the metrics (see EndpointProtocols).
var urls = ServerDefaults.ConfiguredUrls(builder.Configuration);
ServerDefaults.EnsureCleartextOnlyOnLoopback(urls);
if (urls.Count == 0)
{
    builder.WebHost.UseUrls(ServerDefaults.Url);
}
IReadOnlyList<string> endpointUrls = urls.Count == 0 ? [ServerDefaults.Url] : urls;
// A port another process holds ends the server here with one line, before it migrates or starts anything.
if (AddressInUse.FirstTaken(endpointUrls) is { } taken)
{
    Console.Error.WriteLine(AddressInUse.Message(taken));
    return AddressInUse.ExitCode;
}
// Connections that send nothing, part of a preface or no request are closed within seconds (ConnectionLimits).
var connectionLimits = ConnectionLimits.From(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = EndpointProtocols.For(endpoint, endpointUrls));
    connectionLimits.ApplyTo(kestrel.Limits);
});

// Limits, clock and store.
var limits = (builder.Configuration.GetSection(SubmissionLimits.SectionName).Get<SubmissionLimits>() ?? new SubmissionLimits())
    .Validated();
builder.Services.Configure<SubmissionLimits>(builder.Configuration.GetSection(SubmissionLimits.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddExchangeStore(builder.Configuration, builder.Environment.ContentRootPath);

// Authentication by API key or client certificate, rate limits per principal; authorization per method in
// AuthorizationInterceptor.
builder.AddExchangeSecurity();

// gRPC: every call is timed outermost; inside that, what a caller without the personal-data scope is sent has its
// citizen IDs masked; errors are mapped inside that, then every call is authorized before service code runs. The same pipeline serves the REST API: JSON transcoding of the google.api.http annotations.
builder.Services.AddGrpc(grpc =>
{
    grpc.MaxReceiveMessageSize = limits.MaxMessageBytes;
    grpc.Interceptors.Add<RpcTelemetryInterceptor>();
    grpc.Interceptors.Add<PersonalDataMaskInterceptor>();
    grpc.Interceptors.Add<ErrorMappingInterceptor>();
    grpc.Interceptors.Add<AuthorizationInterceptor>();
}).AddJsonTranscoding(RestApi.ConfigureJson);
builder.Services.AddRestApiDocument();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("store");

// Telemetry: metrics on the Prometheus scrape endpoint; traces, metrics and logs by OTLP when configured.
builder.Services.AddExchangeTelemetry(builder.Configuration);

// Features: submissions, and the background reconciler with its policy file.
builder.Services.AddScoped<BatchIngestion>();
builder.Services.AddSingleton(PolicyFile.Load(Path.Combine(
    builder.Environment.ContentRootPath, builder.Configuration["Reconciliation:PolicyPath"] ?? PolicyFile.DefaultFileName)));
builder.Services.AddSingleton<ReconciliationSignal>();
builder.Services.AddScoped<UnitLoader>();
builder.Services.AddScoped<ReconciledStoreWriter>();
builder.Services.AddScoped<DirtyQueueClaims>();
builder.Services.AddScoped<Reconciler>();
builder.Services.AddScoped<IndicatorAggregates>();
if (builder.Configuration.GetValue("Reconciliation:Enabled", true))
{
    builder.Services.AddHostedService<ReconciliationWorker>();
}

// Auditors: the reconciled views, listings, the discrepancy loop and the access log.
builder.Services.AddSingleton(AccessLogOptions.Validated(
    builder.Configuration.GetSection(AccessLogOptions.SectionName).Get<AccessLogOptions>() ?? new AccessLogOptions()));
builder.Services.AddSingleton<AccessLogWriter>();
builder.Services.AddHostedService(services => services.GetRequiredService<AccessLogWriter>());
builder.Services.AddScoped<PersonalDataAccessLog>();
builder.Services.AddScoped<LoggedReconciledViews>();
// Page tokens are signed with PageTokens:Key (the same on every replica), or a key of this process when unset.
builder.Services.AddSingleton(PageToken.FromConfiguration(builder.Configuration));
builder.Services.AddScoped<HouseholdListing>();
builder.Services.AddScoped<DiscrepancyListing>();
builder.Services.AddScoped<DiscrepancyReview>();
builder.Services.AddScoped<RecordHistoryReader>();
builder.Services.AddScoped<StatisticsQuery>();

// Administrators: verification of the tamper-evident ledger.
builder.Services.AddScoped<LedgerVerifier>();

var app = builder.Build();
if (app.Services.GetRequiredService<PageToken>().IsProcessKey)
{
    app.Logger.LogInformation(
        "{Setting} is not set: page tokens are signed with a random key of this process, so they do not survive a " +
        "restart or reach another replica. Replicas behind a load balancer must share one {Setting}.",
        PageToken.KeySetting, PageToken.KeySetting);
}
await app.Services.MigrateExchangeStoreAsync();

app.UseMiddleware<MessageSizeLimitMessage>(limits.MaxMessageBytes);
app.UseMiddleware<MalformedMessageStatus>();
app.UseExchangeSecurity();
app.MapGrpcService<SubmissionGrpcService>();
app.MapGrpcService<AuditGrpcService>();
app.MapGrpcService<LedgerGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapRestApiDocument();
app.MapExchangeTelemetry();

try
{
    await app.RunAsync();
}
catch (Exception e) when (AddressInUse.Is(e))
{
    // Taken after the check above (a race): the host has logged it with its stack trace; still end with the line.
    Console.Error.WriteLine(AddressInUse.Message(e, endpointUrls));
    return AddressInUse.ExitCode;
}
return 0;

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
