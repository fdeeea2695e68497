using Station.Bundle;
using Xunit;

namespace Station.Update.Tests;

/// <summary>tools/Station.Bundle end to end on real files: keygen, build from a build folder, verify; refusals exit 1
/// with the station's reason, bad usage exits 2.</summary>
public sealed class BundleToolTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("station-bundle-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    string BuildFolder()
    {
        string build = Path.Combine(_dir, "build");
        Directory.CreateDirectory(build);
        foreach (var a in TestBundles.Assemblies()) File.WriteAllBytes(Path.Combine(build, a.Name), a.Bytes);
        File.WriteAllText(Path.Combine(build, "Station.Device.pdbx"), "not an assembly: left out");
        return build;
    }

    [Fact]
    public void KeygenBuildVerifyRoundTrip()
    {
        string priv = Path.Combine(_dir, "release.key"), pub = Path.Combine(_dir, "release.pub"), bundle = Path.Combine(_dir, "fw.sfb");
        Assert.Equal(0, Run("keygen", "--private", priv, "--public", pub).Code);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(priv));
        Assert.Equal(1, Run("keygen", "--private", priv, "--public", pub).Code); // never overwrites a private key

        var built = Run("build", BuildFolder(), "--key", priv, "--board", TestBundles.Board, "--version", "0.2.0", "--commit", "3f2a9c1",
            "--assembly", "Station.Device.pe", "--out", bundle);
        Assert.True(built.Code == 0, built.Err);
        Assert.Contains("\"assemblies\":2", built.Out);
        Assert.True(File.Exists(bundle + ".manifest") && File.Exists(bundle + ".sig"));
        Assert.StartsWith("station-bundle 1\nfirmware 0.2.0\ncommit 3f2a9c1\nboard esp32-devkitc\nmin-loader 1\nassembly Station.Device.pe ", File.ReadAllText(bundle + ".manifest"));

        var ok = Run("verify", bundle, "--public-key", pub, "--board", TestBundles.Board);
        Assert.Equal(0, ok.Code);
        Assert.Contains("\"verified\":true", ok.Out);

        var board = Run("verify", bundle, "--public-key", pub, "--board", "stm32f769i-disco");
        Assert.Equal(1, board.Code);
        Assert.Contains("\"reason\":\"WrongBoard\"", board.Out);
        var downgrade = Run("verify", bundle, "--public-key", pub, "--board", TestBundles.Board, "--min-version", "0.3.0");
        Assert.Contains("\"reason\":\"BelowMinimumVersion\"", downgrade.Out);

        byte[] bytes = File.ReadAllBytes(bundle);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(bundle, bytes);
        var tampered = Run("verify", bundle, "--public-key", pub, "--board", TestBundles.Board);
        Assert.Equal(1, tampered.Code);
        Assert.Contains("\"reason\":\"HashMismatch\"", tampered.Out);
    }

    [Fact]
    public void BadInputsAreRefusedWithAReason()
    {
        string priv = Path.Combine(_dir, "k"), pub = Path.Combine(_dir, "p");
        Run("keygen", "--private", priv, "--public", pub);
        string build = BuildFolder();
        var version = Run("build", build, "--key", priv, "--board", "b", "--version", "1.2", "--out", Path.Combine(_dir, "x"));
        Assert.Equal(1, version.Code);
        Assert.Contains("the station would refuse this manifest", version.Err);
        Assert.Equal(1, Run("build", Path.Combine(_dir, "nothing"), "--key", priv, "--board", "b", "--out", Path.Combine(_dir, "x")).Code);
        Assert.Equal(1, Run("build", build, "--key", pub + "-missing", "--board", "b", "--out", Path.Combine(_dir, "x")).Code);
        File.WriteAllText(Path.Combine(_dir, "junk"), "zz");
        Assert.Contains("not a key file", Run("build", build, "--key", Path.Combine(_dir, "junk"), "--board", "b", "--out", Path.Combine(_dir, "x")).Err);
        Assert.Equal(1, Run("build", build, "--key", priv, "--board", "b", "--assembly", "Other.pe", "--out", Path.Combine(_dir, "x")).Code);
        Assert.Equal(2, Run("build", build, "--board", "b").Code);
        Assert.Equal(2, Run("verfy").Code);
    }
}
