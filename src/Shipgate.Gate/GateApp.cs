using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipgate.Gate.Apis;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;
using Shipgate.Gate.Services;

namespace Shipgate.Gate;

/// <summary>
/// The composition root of the gate service, shared by <c>shipgate serve</c> and the tests: builds the web host
/// (minimal APIs, token authentication, role policies, ProblemDetails, OpenAPI), and on start applies migrations and
/// creates the bootstrap token.
/// </summary>
public static class GateApp
{
    /// <summary>Builds the service; nothing touches the store until <see cref="InitializeAsync"/> or the host starts.</summary>
    public static WebApplication Build(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckTransport(options);
        Directory.CreateDirectory(options.DataDirectory);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(GateApp).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. options.Urls]);
        if (options.TlsCertificatePath is { } certPath)
        {
            var certificate = X509Certificate2.CreateFromPemFile(certPath, options.TlsKeyPath);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }

        var database = options.OpenDatabase();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(database);
        services.AddSingleton(options.Time);
        services.AddSingleton<ConfigStore>();
        AuditComposition.AddServices(services, database, options.DataDirectory, options.AuditRetention, options.AuditCheckpoints);
        if (options.AuditLog is { } replacement)
        {
            services.AddSingleton(replacement(database.Provider, options.Time));
        }

        services.AddHttpClient(HttpHealthProbe.ClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        if (options.HealthProbe is { } probe)
        {
            services.AddSingleton(probe);
        }
        else
        {
            services.AddSingleton<IHealthProbe, HttpHealthProbe>();
        }

        services.AddSingleton<DeploymentService>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<ConfigService>();
        services.AddSingleton<CheckService>();
        if (options.SweepInterval is { } interval)
        {
            services.AddHostedService(sp => new SweepService(sp.GetRequiredService<DeploymentService>(), options.Time, interval, sp.GetRequiredService<ILogger<SweepService>>()));
        }

        services.AddProblemDetails();
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in Roles.Policies)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToWire())));
        }

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()));
        services.AddOpenApi();
        options.ConfigureBuilder?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/v1.json");
        app.MapGet("/healthz", () => TypedResults.Ok("ok")).WithName("Health").WithSummary("Liveness");
        app.MapDeploymentsApi();
        app.MapAdminApi();
        AuditComposition.MapEndpoints(app);
        return app;
    }

    /// <summary>Applies migrations and, on first start, creates the admin bootstrap token and prints it once.</summary>
    public static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<GateOptions>();
        var database = app.Services.GetRequiredService<GateDatabase>();
        await Migrations.ApplyAsync(database, options.Time, cancellationToken).ConfigureAwait(false);
        var secret = await app.Services.GetRequiredService<TokenService>().BootstrapAsync(cancellationToken).ConfigureAwait(false);
        if (secret is not null && options.Output is { } output)
        {
            await output.WriteLineAsync($"shipgate: admin bootstrap token (shown once, stored hashed): {secret}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A non-loopback address needs TLS unless plain HTTP is asked for explicitly.</summary>
    private static void CheckTransport(GateOptions options)
    {
        if ((options.TlsCertificatePath is null) != (options.TlsKeyPath is null))
        {
            throw new ArgumentException("--tls-cert and --tls-key go together.");
        }

        foreach (var url in options.Urls)
        {
            if (!Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{url}' is not an http:// or https:// URL.");
            }

            if (uri.Scheme == Uri.UriSchemeHttps && options.TlsCertificatePath is null)
            {
                throw new ArgumentException($"'{url}' needs --tls-cert and --tls-key.");
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
            if (uri.Scheme == Uri.UriSchemeHttp && !loopback && !options.InsecureHttp)
            {
                throw new ArgumentException($"Refusing to serve plain HTTP on non-loopback address '{url}': give --tls-cert and --tls-key, or --insecure-http behind a TLS-terminating proxy.");
            }
        }
    }
}
