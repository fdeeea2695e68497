namespace Station.Update.Tests;

static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);
    public static string Of(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();
}
