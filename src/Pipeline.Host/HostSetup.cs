using Hangfire.Dashboard;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Core.ReferenceData;
using Pipeline.Core;
using Pipeline.Host.Health;
using Pipeline.Host.Prefill;
using Pipeline.Host.Reports;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Security;
using Pipeline.Host.Stewards;
using Pipeline.Intake;
using Pipeline.Jobs.Sources;
using Pipeline.Jobs;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Prefill;
using Pipeline.Warehouse.Reconciliation;
using Pipeline.Warehouse;

namespace Pipeline.Host;

/// <summary>
/// The host's services and endpoints: warehouse, reference units, the pull job, Hangfire storage with one server
/// per source queue (its concurrency) and one for re-evaluations, retries with back-off, the dashboard behind
/// authentication (operations may act, everyone else signed in reads), the stewards' API and page (stewards decide,
/// analysts read), health checks and JSON logs.
/// </summary>
public static class HostSetup
{
    /// <param name="standIns">
    /// What answers in the sources' place: null in the product (the configured national systems);
    /// src/Pipeline.Host.Simulated and the tests pass the bundled simulators.
    /// </param>
    public static WebApplication Build(string[] args, Func<IServiceProvider, ISourceStandIns>? standIns = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var home = PipelineHome.Find();
        // appsettings.json beside Pipeline.sln as for the command line; the environment, then the command line, win over it.
        builder.Configuration.AddJsonFile(Path.Combine(home, "appsettings.json"), optional: true).AddEnvironmentVariables().AddCommandLine(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();

        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString("Warehouse") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("ConnectionStrings:Warehouse is not configured (environment ConnectionStrings__Warehouse)");
        var jobs = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        if (configuration.GetValue<bool>("Jobs:UseSimulators"))
        {
            // The setting once made this host start the simulators; refusing it beats pulling from unset addresses.
            throw new InvalidOperationException(
                "Jobs:UseSimulators is no longer a setting: this host pulls from the configured sources only; run src/Pipeline.Host.Simulated for the bundled simulators");
        }

        var schedules = RecurringPulls.Read(configuration);
        var unitsDirectory = PipelineHome.AdminUnitsDirectory(home, configuration["AdminUnits:Directory"]);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => WarehouseDataSource.Create(connectionString, "pipeline-host"));
        services.AddSingleton(_ => AdminUnitFiles.Read(unitsDirectory));
        services.AddSingleton(sp => new ReferenceUnits(sp.GetRequiredService<AdminUnitSet>()));
        services.AddSingleton(sp => new JobSettings(
            new PublicationCalendar(), new LoggerWriter(sp.GetRequiredService<ILoggerFactory>().CreateLogger<PullJob>()), standIns?.Invoke(sp)));
        services.AddTransient<PullJob>();
        services.AddTransient<CommuneLevels>();
        services.AddTransient<ConflictReader>();
        services.AddTransient<StewardDecisions>();
        services.AddTransient<PrefillReader>();

        services.AddHangfire(c => c
            .UseRecommendedSerializerSettings()
            .UseStorage(JobQueue.Storage(connectionString))
            .UseFilter(RetryFilter(jobs)));
        foreach (var (source, schedule) in schedules)
        {
            services.AddHangfireServer(o =>
            {
                o.ServerName = $"{Environment.MachineName}:{source}";
                o.Queues = [JobQueue.QueueOf(source)];
                o.WorkerCount = Math.Max(1, schedule.Concurrency);
            });
        }

        // Re-evaluations after a steward's decision run on their own queue, one at a time per host.
        services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:{ConflictEndpoints.EvaluationQueue}";
            o.Queues = [ConflictEndpoints.EvaluationQueue];
            o.WorkerCount = 1;
        });

        services.AddAuthentication(BasicUsersHandler.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicUsersHandler>(BasicUsersHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddHttpClient("health");
        var health = services.AddHealthChecks().AddCheck<WarehouseHealthCheck>("warehouse");
        foreach (var source in SourceCatalog.Names)
        {
            var baseAddress = configuration.GetSection($"Sources:{source}:Http").GetValue<Uri?>("BaseAddress");
            health.Add(new HealthCheckRegistration(
                $"source:{source}", sp => new SourceHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), source, baseAddress), null, ["source"]));
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Signed-in users only (the endpoint requires authorisation); only operations may trigger, retry or delete.
            Authorization = [],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Operations),
            DashboardTitle = "Pipeline jobs",
        }).RequireAuthorization();

        ConflictEndpoints.Map(app);
        StewardPage.Map(app);
        ReportEndpoints.Map(app);
        LevelReportPage.Map(app);
        PrefillEndpoints.Map(app);

        RecurringPulls.Register(app.Services.GetRequiredService<IRecurringJobManager>(), schedules);
        return app;
    }

    /// <summary>Retries with back-off, then the failed state (kept in the dashboard, not deleted).</summary>
    public static AutomaticRetryAttribute RetryFilter(JobsOptions jobs) =>
        new() { Attempts = jobs.RetryAttempts, DelaysInSeconds = jobs.RetryDelaysSeconds, OnAttemptsExceeded = AttemptsExceededAction.Fail };
}
