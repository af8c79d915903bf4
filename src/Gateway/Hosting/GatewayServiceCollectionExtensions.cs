using Gateway.Record;
using Gateway.Relay;
using Gateway.Release;
using Gateway.Replay;
using Gateway.Reserve;
using Gateway.Guards;
using Gateway.Decisions;
using Gateway.Api;
using Gateway.Channels;
using Gateway.Channels.Apns;
using Gateway.Channels.Fcm;
using Gateway.Channels.Outbox;
using Gateway.Deferral;
using Gateway.Channels.Smtp;
using Gateway.Channels.Resilience;
using Gateway.Channels.Twilio;
using Gateway.Channels.Vonage;
using Gateway.Guards.ChannelPermission;
using Gateway.Guards.Content;
using Gateway.Guards.QuietHours;
using Gateway.Observability;
using Gateway.Pipeline;
using Gateway.Recent;
using Gateway.Recheck;
using Gateway.Requests;
using Gateway.RuleSets.Versions;
using Gateway.RuleSets;
using Gateway.Store;
using Gateway.Tenancy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Hosting;

/// <summary>Registers the gateway's services. Options are bound by type and validated at start-up.</summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<RuleFileOptions>().Bind(configuration.GetSection(RuleFileOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ContactHashOptions>().Bind(configuration.GetSection(ContactHashOptions.SectionName)).ValidateOnStart();
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.SectionName)).ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RecheckOptions>().Bind(configuration.GetSection(RecheckOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CarrierOptions>().Bind(configuration.GetSection(CarrierOptions.SectionName)).ValidateOnStart();
        services.AddOptions<BenchmarkOptions>().Bind(configuration.GetSection(BenchmarkOptions.SectionName));
        services.AddOptions<RuleStoreOptions>().Bind(configuration.GetSection(RuleStoreOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CarrierResilienceOptions>().Bind(configuration.GetSection(CarrierResilienceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RuleFileOptions>, RuleFileOptionsValidator>();
        services.AddSingleton<IValidateOptions<ContactHashOptions>, ContactHashOptionsValidator>();
        services.AddSingleton<IValidateOptions<TenancyOptions>, TenancyOptionsValidator>();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddSingleton<IValidateOptions<RecheckOptions>, RecheckOptionsValidator>();
        services.AddSingleton<IValidateOptions<CarrierOptions>, CarrierOptionsValidator>();
        services.AddSingleton<IValidateOptions<RuleStoreOptions>, RuleStoreOptionsValidator>();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<IValidateOptions<CarrierResilienceOptions>, CarrierResilienceOptionsValidator>();

        // The composition root, the one place that names the system clock (eng/BannedSymbols.txt).
        // Deadlines, timeouts and delays run on the wall clock (gRPC deadlines are wall-clock
        // instants); a test replaces either as it needs.
#pragma warning disable RS0030
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new WallClock(TimeProvider.System));
#pragma warning restore RS0030
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TenantAuthInterceptor>();
        services.AddSingleton<AdminAuthInterceptor>();
        services.AddSingleton<RuleSetStore>();
        services.AddSingleton<RuleSetReplay>();
        services.AddHostedService<RuleSetSync>();

        services.AddSingleton<ReminderValidator>();
        services.AddSingleton<ChannelPermissionGuard>();
        services.AddSingleton<QuietHoursGuard>();
        services.AddSingleton<ContentGuard>();
        services.AddSingleton<LocalGuards>();
        services.AddSingleton<LocalRulesStep>();
        services.AddSingleton<ReserveStep>();
        services.AddSingleton<RecheckStep>();
        services.AddSingleton<RelayStep>();
        services.AddSingleton<DecisionSteps>();
        services.AddSingleton<RecordStep>();

        services.AddSingleton<IConnectionMultiplexer>(provider => ConnectStore(provider.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.AddSingleton<ContactHasher>();
        services.AddSingleton<GuardrailStore>();
        services.AddSingleton<IReservationStore>(provider => provider.GetRequiredService<GuardrailStore>());

        services.AddSingleton<LenderChannels>();
        services.AddSingleton<LenderResilience>();
        services.AddSingleton<ILenderRecheck, LenderRecheck>();

        services.AddSingleton<InboundIndex>();
        services.AddSingleton<CarrierThrottle>();
        services.AddSingleton<OutboxCarrier>();
        services.AddSingleton<ICarrier>(provider => provider.GetRequiredService<OutboxCarrier>());
        services.AddSmtpCarrier(configuration);
        services.AddFcmCarrier(configuration);
        services.AddApnsCarrier(configuration);
        services.AddSingleton(new CarrierRegistration(OutboxCarrier.CarrierName, provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<CarrierOptions>>().Value.OutboxPath) ? null : provider.GetRequiredService<OutboxCarrier>()));

        services.AddTwilioCarrier(configuration);
        services.AddVonageCarrier(configuration);
        services.AddSingleton<CarrierRouter>();
        services.AddSingleton<CarrierResilience>();
        services.AddSingleton<ICarrierRelay, CarrierRelay>();

        services.AddOptions<DeferralOptions>().Bind(configuration.GetSection(DeferralOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeferralOptions>, DeferralOptionsValidator>();
        services.AddSingleton<PayloadProtector>();
        services.AddSingleton<DueShards>();
        services.AddSingleton<HeldReminders>();
        services.AddHostedService<HeldReminderReleaser>();

        services.AddOptions<RecentDecisionsOptions>().Bind(configuration.GetSection(RecentDecisionsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecentDecisionsOptions>, RecentDecisionsOptionsValidator>();
        services.AddSingleton<RecentDecisions>();
        services.AddHostedService<RecentDecisionsWriter>();

        services.AddSingleton<UnwrittenRecords>();
        services.AddHostedService(provider => provider.GetRequiredService<UnwrittenRecords>());
        services.AddSingleton<DecisionPipeline>();

        services.AddSingleton<UnexpectedErrorInterceptor>();
        services.AddGrpc(options =>
            {
                options.EnableDetailedErrors = false;
                options.Interceptors.Add<UnexpectedErrorInterceptor>();
            })
            .AddServiceOptions<ReminderGrpcService>(options => options.Interceptors.Add<TenantAuthInterceptor>())
            .AddServiceOptions<ConsentGrpcService>(options => options.Interceptors.Add<TenantAuthInterceptor>())
            .AddServiceOptions<ContactHistoryGrpcService>(options => options.Interceptors.Add<TenantAuthInterceptor>())
            .AddServiceOptions<ReviewGrpcService>(options => options.Interceptors.Add<TenantAuthInterceptor>())
            .AddServiceOptions<PassThroughGrpcService>(options => options.Interceptors.Add<TenantAuthInterceptor>())
            .AddServiceOptions<ComplianceAdminGrpcService>(options => options.Interceptors.Add<AdminAuthInterceptor>());
        services.AddGrpcReflection();
        services.AddGatewayHealth();
        services.AddGatewayTelemetry(configuration);
        return services;
    }

    private static ConnectionMultiplexer ConnectStore(StoreOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.ConnectionString);

        // Start and keep running while the store is down: decisions fail closed meanwhile, and
        // traffic resumes by itself when the store is back, without a restart.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)Math.Max(options.OperationTimeout.TotalMilliseconds * 4, 1000);
        configuration.AsyncTimeout = (int)Math.Max(options.OperationTimeout.TotalMilliseconds, 50);
        configuration.SyncTimeout = configuration.AsyncTimeout;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        configuration.ClientName ??= "reminder-gateway";
        return ConnectionMultiplexer.Connect(configuration);
    }
}
