using Gateway.Observability;

namespace Gateway.Tests.Observability;

public sealed class ClientUrlRedactionTests
{
    [Fact]
    public void Redact_ApnsDeviceUrl_DropsTheToken()
    {
        var redacted = ClientUrlRedaction.Redact("https://api.push.apple.com/3/device/0f1e2d3c4b5a69788796a5b4c3d2e1f0");

        Assert.Equal("https://api.push.apple.com/3/device/{redacted}", redacted);
    }

    [Fact]
    public void Redact_UrlWithoutDevice_LeavesItAlone()
    {
        Assert.Null(ClientUrlRedaction.Redact("http://127.0.0.1:5090/lending.v1.LenderService/GetRepaymentStatus"));
    }
}
