using System.Net;
using Gateway.Channels;
using Gateway.Channels.Apns;
using Gateway.Channels.Fcm;
using Gateway.Channels.Twilio;
using Gateway.V1;

namespace Gateway.Tests.Channels;

/// <summary>
/// Each carrier's documented answers for a person who opted out or a token that is retired, and
/// neighbouring answers that must stay plain rejections (which the relay may fail over).
/// </summary>
public sealed class CarrierOptOutCodesTests
{
    [Theory]
    [InlineData(400, """{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}""", "RecipientOptedOut")]
    [InlineData(400, """{"code":21211,"message":"Invalid 'To' Phone Number","status":400}""", "Rejected")]
    [InlineData(400, """{"code":"21610"}""", "none")]
    [InlineData(403, "<html>forbidden</html>", "none")]
    [InlineData(404, "", "none")]
    public void Twilio(int status, string body, string expected)
    {
        var result = TwilioErrors.Classify(status, body);

        Assert.Equal(expected, result?.Outcome.ToString() ?? "none");
        if (result is { Outcome: CarrierOutcome.RecipientOptedOut })
        {
            Assert.Equal(ReasonCode.OptedOut, result.Reason);
            Assert.Equal("opted_out", result.MetricStatus);
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.Gone, """{"reason":"Unregistered","timestamp":1700000000000}""", "RecipientOptedOut")]
    [InlineData(HttpStatusCode.Gone, """{"reason":"ExpiredToken"}""", "RecipientOptedOut")]
    [InlineData(HttpStatusCode.BadRequest, """{"reason":"BadDeviceToken"}""", "Rejected")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"reason":"TooManyRequests"}""", "Rejected")]
    public void Apns(HttpStatusCode status, string body, string expected) =>
        Assert.Equal(expected, ApnsResponse.Map(status, body, "apns-id").Outcome.ToString());

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"error":{"code":404,"status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}""", "RecipientOptedOut")]
    [InlineData(HttpStatusCode.NotFound, """{"error":{"code":404,"status":"NOT_FOUND"}}""", "Rejected")]
    [InlineData(HttpStatusCode.BadRequest, """{"error":{"code":400,"status":"INVALID_ARGUMENT","details":[{"errorCode":"INVALID_ARGUMENT"}]}}""", "Rejected")]
    public void Fcm(HttpStatusCode status, string body, string expected) =>
        Assert.Equal(expected, FcmResponse.Map(status, body).Outcome.ToString());
}
