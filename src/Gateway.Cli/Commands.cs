using System.Globalization;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Cli;

/// <summary>The single-shot commands: send and decision.</summary>
internal static class Commands
{
    public static int Help()
    {
        Console.WriteLine("""
            gatewayctl: a client for the reminder gateway

              gatewayctl send --debtor ID --debt ID --channel sms|voice|email|push --to CONTACT
                              --template ID [--purpose overdue_notice] [--locale en-US]
                              [--param name=value ...] [--key IDEMPOTENCY_KEY] [--zone IANA_ZONE]
                              [--defer-hours N] [--dry-run] [--verdicts]
              gatewayctl decision --debtor ID (--id REMINDER_ID | --key IDEMPOTENCY_KEY)
              gatewayctl export --debtor ID [--from ISO_INSTANT] [--to ISO_INSTANT] > history.jsonl
                              every decision and state change of a debtor, one JSON object a line, for archiving
              gatewayctl demo      plays every seeded sandbox debtor and prints each decision

            Common: --address http://127.0.0.1:5080 (or GATEWAY_ADDRESS), --api-key KEY (or GATEWAY_API_KEY; default demo-key)
            """);
        return 0;
    }

    public static async Task<int> SendAsync(CliArguments arguments)
    {
        using var connection = new GatewayConnection(arguments);
        var reminder = new Reminder
        {
            IdempotencyKey = arguments.Get("key", "cli-" + Guid.NewGuid().ToString("N")[..12]),
            DebtorId = arguments.Require("debtor"),
            DebtId = arguments.Require("debt"),
            Purpose = ParseEnum<Purpose>(arguments.Get("purpose", "overdue_notice"), "purpose"),
            Channel = ParseEnum<Channel>(arguments.Require("channel"), "channel"),
            ContactPoint = arguments.Require("to"),
            TemplateId = arguments.Require("template"),
            Locale = arguments.Get("locale", "en-US"),
            RecipientTimeZone = arguments.Get("zone", string.Empty),
        };
        foreach (var pair in arguments.All("param"))
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw new ArgumentException($"--param takes name=value, not '{pair}'");
            }

            reminder.TemplateParameters[pair[..split]] = pair[(split + 1)..];
        }

        if (arguments.Get("defer-hours") is { } hours)
        {
            reminder.DeferUntil = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddHours(double.Parse(hours, CultureInfo.InvariantCulture)));
        }

        try
        {
            var decision = arguments.Has("dry-run")
                ? (await connection.Reminders.EvaluateReminderAsync(new EvaluateReminderRequest { Reminder = reminder }, connection.Call)).Decision
                : (await connection.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, connection.Call)).Decision;
            DecisionPrinter.Print(reminder.DebtorId, decision);
            if (arguments.Has("verdicts"))
            {
                DecisionPrinter.PrintVerdicts(decision);
            }

            return 0;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists)
        {
            DecisionPrinter.Print(reminder.DebtorId, ex);
            return 65;
        }
    }

    public static async Task<int> DecisionAsync(CliArguments arguments)
    {
        using var connection = new GatewayConnection(arguments);
        var request = new GetDecisionRequest { DebtorId = arguments.Require("debtor") };
        if (arguments.Get("id") is { } id)
        {
            request.ReminderId = id;
        }
        else
        {
            request.IdempotencyKey = arguments.Require("key");
        }

        try
        {
            var decision = (await connection.Reminders.GetDecisionAsync(request, connection.Call)).Decision;
            DecisionPrinter.Print(request.DebtorId, decision);
            DecisionPrinter.PrintVerdicts(decision);
            return 0;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            DecisionPrinter.Print(request.DebtorId, ex);
            return 65;
        }
    }

    /// <summary>Writes a debtor's whole history as JSON lines (proto JSON, one DecisionRecord a line), paging through ListDecisions.</summary>
    public static async Task<int> ExportAsync(CliArguments arguments)
    {
        using var connection = new GatewayConnection(arguments);
        var request = new ListDecisionsRequest { DebtorId = arguments.Require("debtor"), PageSize = 500 };
        if (arguments.Get("from") is { } from)
        {
            request.FromTime = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(from, CultureInfo.InvariantCulture));
        }

        if (arguments.Get("to") is { } to)
        {
            request.ToTime = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(to, CultureInfo.InvariantCulture));
        }

        var formatter = new Google.Protobuf.JsonFormatter(Google.Protobuf.JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
        var written = 0;
        do
        {
            var page = await connection.Reminders.ListDecisionsAsync(request, connection.Call);
            foreach (var record in page.Records)
            {
                Console.Out.WriteLine(formatter.Format(record));
                written++;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        await Console.Error.WriteLineAsync($"gatewayctl: exported {written} records of debtor {request.DebtorId}");
        return 0;
    }

    public static TEnum ParseEnum<TEnum>(string name, string option)
        where TEnum : struct, System.Enum
    {
        var pascal = string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));
        return System.Enum.TryParse<TEnum>(pascal, out var value) && !value.Equals(default(TEnum))
            ? value
            : throw new ArgumentException($"--{option} '{name}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>().Skip(1).Select(n => n.ToLowerInvariant()))}");
    }
}
