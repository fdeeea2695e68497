using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Station.Core.Update;

namespace Station.Bundle;

/// <summary>One assembly of a bundle: its file name and bytes.</summary>
public sealed record BundleAssembly(string Name, byte[] Bytes);

/// <summary>Builds and signs bundles in the station's format (<see cref="BundleLayout"/>, <see cref="BundleManifest"/>).
/// Signing is BouncyCastle's Ed25519 (RFC 8032); the station checks with its own portable verifier.</summary>
public static class BundleBuilder
{
    /// <summary>A new release key: the 32-byte private seed and its 32-byte public key.</summary>
    public static (byte[] Seed, byte[] PublicKey) NewKey()
    {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        return (key.GetEncoded(), key.GeneratePublicKey().GetEncoded());
    }

    /// <summary>The public key of a 32-byte private seed.</summary>
    public static byte[] PublicKeyOf(byte[] seed) => new Ed25519PrivateKeyParameters(seed, 0).GeneratePublicKey().GetEncoded();

    /// <summary>Ed25519 signature of <paramref name="message"/> with the private seed.</summary>
    public static byte[] Sign(byte[] seed, byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    /// <summary>The manifest text for these assemblies, in the order given (the loader's order).</summary>
    public static byte[] Manifest(string version, string commit, string board, int minimumLoader, IReadOnlyList<BundleAssembly> assemblies)
    {
        var sb = new StringBuilder();
        sb.Append("station-bundle ").Append(BundleManifest.Format).Append('\n');
        sb.Append("firmware ").Append(version).Append('\n');
        sb.Append("commit ").Append(commit).Append('\n');
        sb.Append("board ").Append(board).Append('\n');
        sb.Append("min-loader ").Append(minimumLoader).Append('\n');
        foreach (var a in assemblies)
            sb.Append("assembly ").Append(a.Name).Append(' ').Append(a.Bytes.Length).Append(' ')
              .Append(Convert.ToHexString(SHA256.HashData(a.Bytes)).ToLowerInvariant()).Append('\n');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>The bundle file: header, manifest, detached signature, assemblies.</summary>
    public static byte[] Pack(byte[] manifest, byte[] signature, IReadOnlyList<BundleAssembly> assemblies)
    {
        var ms = new MemoryStream();
        ms.Write(BundleLayout.Magic);
        ms.Write(BitConverter.GetBytes(manifest.Length)); // little-endian on every host this runs on
        ms.Write(manifest);
        ms.Write(signature);
        foreach (var a in assemblies) ms.Write(a.Bytes);
        return ms.ToArray();
    }

    /// <summary>Builds and signs a whole bundle; throws <see cref="ArgumentException"/> with the station's own reason
    /// when the station would refuse the manifest (so the tool never publishes what no station accepts).</summary>
    public static (byte[] Bundle, byte[] Manifest, byte[] Signature) Build(byte[] seed, string version, string commit, string board,
        int minimumLoader, IReadOnlyList<BundleAssembly> assemblies)
    {
        byte[] manifest = Manifest(version, commit, board, minimumLoader, assemblies);
        var parsed = new BundleManifest();
        UpdateReason r = ManifestParser.Parse(manifest, 0, manifest.Length, parsed);
        if (r != UpdateReason.None)
            throw new ArgumentException("the station would refuse this manifest (" + r + " at line " + parsed.ErrorLine + "): check the version (MAJOR.MINOR.PATCH), "
                + "board and commit (letters, digits . - _), at most " + BundleManifest.MaxAssemblies + " assemblies of at most " + BundleManifest.MaxAssemblySize
                + " bytes each, names ending in .pe, a manifest of at most " + BundleManifest.MaxLength + " bytes");
        byte[] signature = Sign(seed, manifest);
        byte[] bundle = Pack(manifest, signature, assemblies);
        if (bundle.Length > BundleLayout.MaxLength) throw new ArgumentException("the bundle is " + bundle.Length + " bytes; stations accept at most " + BundleLayout.MaxLength);
        return (bundle, manifest, signature);
    }

    /// <summary>Reads a key file: 64 hexadecimal digits (32 bytes), surrounding whitespace ignored.</summary>
    public static byte[] ReadKey(string path)
    {
        string text = File.ReadAllText(path).Trim();
        if (text.Length != 64) throw new InvalidDataException("'" + path + "' is not a key file (64 hexadecimal digits expected)");
        try { return Convert.FromHexString(text); }
        catch (FormatException) { throw new InvalidDataException("'" + path + "' is not a key file (64 hexadecimal digits expected)"); }
    }
}
