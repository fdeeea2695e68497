using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Station.Core;
using Station.Core.Update;
using Station.Hal.Host;
using Station.Tools;

namespace Station.Bundle;

/// <summary>Command line (System.CommandLine): keygen, build, verify.</summary>
public static class Program
{
    const string Tool = "Station.Bundle";

    public static int Main(string[] args)
    {
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(Tool + ": internal error: " + e.Message);
            return 3;
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var privateOut = new Option<string>("--private") { Description = "file for the private key (keep it offline: whoever holds it can update every station)", Required = true, HelpName = "FILE" };
        var publicOut = new Option<string>("--public") { Description = "file for the public key (goes into every station's configuration)", Required = true, HelpName = "FILE" };
        var keygen = new Command("keygen", "make a new Ed25519 release key pair (hex files; the private one is created readable by its owner only)") { privateOut, publicOut };

        var from = new Argument<string>("BUILD") { Description = "a device build's output folder: its *.pe files go into the bundle" };
        var key = new Option<string>("--key") { Description = "the private key file", Required = true, HelpName = "FILE" };
        var board = new Option<string>("--board") { Description = "the board the build is for (a station refuses another board's bundle)", Required = true, HelpName = "BOARD" };
        var version = new Option<string>("--version") { Description = "firmware version MAJOR.MINOR.PATCH (default: the build's, " + FirmwareVersion.Text + ")", HelpName = "VERSION", DefaultValueFactory = _ => FirmwareVersion.Text };
        var commit = new Option<string>("--commit") { Description = "the commit the build came from", HelpName = "COMMIT", DefaultValueFactory = _ => "unknown" };
        var minLoader = new Option<int>("--min-loader") { Description = "lowest loader version that can start it", HelpName = "N", DefaultValueFactory = _ => LoaderVersion.Current };
        CommandLineRunner.Range(minLoader, 1, 9999, "--min-loader must be 1..9999");
        var order = new Option<string[]>("--assembly") { Description = "load order: name the .pe files in the order the loader loads them (default: by name)", HelpName = "NAME.pe", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "the bundle file to write; FILE.manifest and FILE.sig are written beside it", Required = true, HelpName = "FILE" };
        var build = new Command("build", "build a signed bundle from a device build") { from, key, board, version, commit, minLoader, order, output };

        var bundle = new Argument<string>("BUNDLE") { Description = "the bundle file" };
        var publicKey = new Option<string>("--public-key") { Description = "the release public key file", Required = true, HelpName = "FILE" };
        var stationBoard = new Option<string>("--board") { Description = "the station's board", Required = true, HelpName = "BOARD" };
        var minimum = new Option<string>("--min-version") { Description = "the lowest version the station may run (refuses a downgrade below it)", HelpName = "VERSION", DefaultValueFactory = _ => "0.0.0" };
        var loader = new Option<int>("--loader") { Description = "the station's loader version", HelpName = "N", DefaultValueFactory = _ => LoaderVersion.Current };
        var verify = new Command("verify", "check a bundle exactly as a station does (its portable verifier): format, board, loader, downgrade, signature, sizes, hashes") { bundle, publicKey, stationBoard, minimum, loader };

        var root = new RootCommand("Station.Bundle — signed over-the-air update bundles for StationFirmware.\nExit codes: 0 ok, 1 refused or unreadable, 2 bad usage.") { keygen, build, verify };
        keygen.SetAction(p => Guarded(stderr, () => Keygen(p.GetValue(privateOut)!, p.GetValue(publicOut)!, stdout)));
        build.SetAction(p => Guarded(stderr, () => Build(p.GetValue(from)!, p.GetValue(key)!, p.GetValue(board)!, p.GetValue(version)!, p.GetValue(commit)!,
            p.GetValue(minLoader), p.GetValue(order), p.GetValue(output)!, stdout)));
        verify.SetAction(p => Guarded(stderr, () => Verify(p.GetValue(bundle)!, p.GetValue(publicKey)!, p.GetValue(stationBoard)!, p.GetValue(minimum)!, p.GetValue(loader), stdout)));
        return CommandLineRunner.Run(Tool, root, args, stdout, stderr);
    }

    static int Guarded(TextWriter stderr, Func<int> action)
    {
        try { return action(); }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is InvalidDataException)
        {
            stderr.WriteLine(Tool + ": " + e.Message);
            return 1;
        }
    }

    static int Keygen(string privatePath, string publicPath, TextWriter stdout)
    {
        if (File.Exists(privatePath)) throw new IOException("'" + privatePath + "' exists: refusing to overwrite a private key");
        var (seed, pub) = BundleBuilder.NewKey();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var w = new StreamWriter(privatePath, options)) w.WriteLine(Convert.ToHexString(seed).ToLowerInvariant());
        File.WriteAllText(publicPath, Convert.ToHexString(pub).ToLowerInvariant() + "\n");
        stdout.WriteLine("{\"private\":" + Json(privatePath) + ",\"public\":" + Json(publicPath) + ",\"public_key\":\"" + Convert.ToHexString(pub).ToLowerInvariant() + "\"}");
        return 0;
    }

    static int Build(string dir, string keyPath, string board, string version, string commit, int minLoader, string[]? order, string output, TextWriter stdout)
    {
        if (!Directory.Exists(dir)) throw new IOException("'" + dir + "' is not a folder");
        var files = Directory.GetFiles(dir, "*.pe").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (order != null && order.Length > 0)
        {
            foreach (var n in order) if (!files.Contains(n)) throw new ArgumentException("--assembly " + n + ": no such .pe file in '" + dir + "'");
            files = order.Concat(files.Where(f => !order.Contains(f))).ToList();
        }
        if (files.Count == 0) throw new ArgumentException("'" + dir + "' holds no .pe file: point at a device build's output folder");
        var assemblies = files.Select(n => new BundleAssembly(n!, File.ReadAllBytes(Path.Combine(dir, n!)))).ToList();
        var result = BundleBuilder.Build(BundleBuilder.ReadKey(keyPath), version, commit, board, minLoader, assemblies);
        File.WriteAllBytes(output, result.Bundle);
        File.WriteAllBytes(output + ".manifest", result.Manifest);
        File.WriteAllBytes(output + ".sig", result.Signature);
        stdout.WriteLine("{\"bundle\":" + Json(output) + ",\"bytes\":" + result.Bundle.Length + ",\"version\":" + Json(version) + ",\"board\":" + Json(board)
            + ",\"assemblies\":" + assemblies.Count + ",\"sha256\":\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(result.Bundle)).ToLowerInvariant() + "\"}");
        return 0;
    }

    static int Verify(string path, string publicKeyPath, string board, string minimumVersion, int loader, TextWriter stdout)
    {
        long floor = FirmwareVersionNumber.Parse(minimumVersion);
        if (floor == FirmwareVersionNumber.Invalid) throw new ArgumentException("--min-version wants MAJOR.MINOR.PATCH, not '" + minimumVersion + "'");
        if (!File.Exists(path)) throw new IOException("'" + path + "' does not exist");
        var (reason, manifest, slices) = VerifyFile(path, BundleBuilder.ReadKey(publicKeyPath), board, loader, floor);
        stdout.WriteLine("{\"bundle\":" + Json(path) + ",\"verified\":" + (reason == UpdateReason.None ? "true" : "false") + ",\"reason\":" + Json(reason.ToString())
            + ",\"version\":" + Json(manifest.Version) + ",\"board\":" + Json(manifest.Board) + ",\"slices\":" + slices + "}");
        return reason == UpdateReason.None ? 0 : 1;
    }

    /// <summary>Runs the station's portable <see cref="BundleVerifier"/> over a bundle file, slice by slice.</summary>
    public static (UpdateReason Reason, BundleManifest Manifest, int Slices) VerifyFile(string path, byte[] publicKey, string board, int loader, long minimumVersion)
    {
        var storage = new FileStorage(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var v = new BundleVerifier();
        v.Begin(storage, Path.GetFileName(path), publicKey, board, loader, minimumVersion);
        int slices = 1;
        while (!v.Step(16)) slices++;
        return (v.Reason, v.Manifest, slices);
    }

    static string Json(string? s) => s == null ? "null" : System.Text.Json.JsonSerializer.Serialize(s);
}
