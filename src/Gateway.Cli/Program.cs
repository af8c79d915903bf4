using Gateway.Cli;
using Grpc.Core;

// gatewayctl: send a reminder, read a decision, or play the sandbox demo.
try
{
    var arguments = CliArguments.Parse(args);
    return arguments.Verb switch
    {
        "send" => await Commands.SendAsync(arguments),
        "decision" => await Commands.DecisionAsync(arguments),
        "export" => await Commands.ExportAsync(arguments),
        "demo" => await Demo.RunAsync(arguments),
        _ => Commands.Help(),
    };
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"gatewayctl: {ex.Message} (gatewayctl help)");
    return 64;
}
catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Unauthenticated or StatusCode.DeadlineExceeded)
{
    await Console.Error.WriteLineAsync($"gatewayctl: {ex.StatusCode}: {ex.Status.Detail}. Is the gateway running (make run) and the API key right?");
    return 69;
}
