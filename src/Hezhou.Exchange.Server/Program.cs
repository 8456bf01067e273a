using Hezhou.Exchange.Server.Audit;
using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Reconciliation;
using Hezhou.Exchange.Server.Security;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Server.Submissions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json lies beside the binaries; anchoring the content root there makes the server read it (and
    // speak HTTP/2) whatever folder it is started from, unless a content root is given explicitly.
    ContentRootPath = ServerDefaults.ExplicitContentRoot(args) ?? AppContext.BaseDirectory,
});

// Transport: gRPC needs HTTP/2; cleartext on loopback by default, TLS where a certificate is configured.
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
var urls = ServerDefaults.ConfiguredUrls(builder.Configuration);
ServerDefaults.EnsureCleartextOnlyOnLoopback(urls);
if (urls.Count == 0)
{
    builder.WebHost.UseUrls(ServerDefaults.Url);
}

// Limits, clock and store.
var limits = builder.Configuration.GetSection(SubmissionLimits.SectionName).Get<SubmissionLimits>() ?? new SubmissionLimits();
builder.Services.Configure<SubmissionLimits>(builder.Configuration.GetSection(SubmissionLimits.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddExchangeStore(builder.Configuration, builder.Environment.ContentRootPath);

// Authentication by API key; authorization per method in AuthorizationInterceptor.
builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.SectionName));
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

// gRPC: errors are mapped outermost, then every call is authorized before service code runs.
builder.Services.AddGrpc(grpc =>
{
    grpc.MaxReceiveMessageSize = limits.MaxMessageBytes;
    grpc.Interceptors.Add<ErrorMappingInterceptor>();
    grpc.Interceptors.Add<AuthorizationInterceptor>();
});
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("store");

// Features: submissions, and the background reconciler with its policy file.
builder.Services.AddScoped<BatchIngestion>();
builder.Services.AddSingleton(PolicyFile.Load(Path.Combine(
    builder.Environment.ContentRootPath, builder.Configuration["Reconciliation:PolicyPath"] ?? PolicyFile.DefaultFileName)));
builder.Services.AddSingleton<ReconciliationSignal>();
builder.Services.AddScoped<UnitLoader>();
builder.Services.AddScoped<ReconciledStoreWriter>();
builder.Services.AddScoped<DirtyQueueDrain>();
if (builder.Configuration.GetValue("Reconciliation:Enabled", true))
{
    builder.Services.AddHostedService<ReconciliationWorker>();
}

// Auditors: the reconciled views, listings, the discrepancy loop and the access log.
builder.Services.AddScoped<PersonalDataAccessLog>();
builder.Services.AddScoped<ReconciledViewReader>();
builder.Services.AddScoped<HouseholdListing>();
builder.Services.AddScoped<DiscrepancyListing>();
builder.Services.AddScoped<DiscrepancyReview>();
builder.Services.AddScoped<RecordHistoryReader>();
builder.Services.AddScoped<StatisticsQuery>();

var app = builder.Build();
await app.Services.MigrateExchangeStoreAsync();

app.UseMiddleware<MessageSizeLimitMessage>(limits.MaxMessageBytes);
app.UseMiddleware<MalformedMessageStatus>();
app.MapGrpcService<SubmissionGrpcService>();
app.MapGrpcService<AuditGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

app.Run();

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
