namespace Station.Core.Update
{
    /// <summary>The bytes of a bundle file as delivered and stored: "SFB1", the manifest length (4 bytes, little-endian),
    /// the manifest text, its detached 64-byte Ed25519 signature, then the assemblies back to back in manifest order.</summary>
    public static class BundleLayout
    {
        /// <summary>Header length: magic and manifest length.</summary>
        public const int HeaderLength = 8;

        /// <summary>The four magic bytes.</summary>
        public static readonly byte[] Magic = { (byte)'S', (byte)'F', (byte)'B', (byte)'1' };

        /// <summary>Largest bundle accepted, in bytes: every assembly at its limit would not fit an SD card slot's budget.</summary>
        public const int MaxLength = 1048576;

        /// <summary>Offset of the first assembly for a manifest of the given length.</summary>
        public static int PayloadOffset(int manifestLength)
        {
            return HeaderLength + manifestLength + Ed25519Verifier.SignatureLength;
        }

        /// <summary>Reads the manifest length from a header, or -1 when the magic is wrong or the length out of range.</summary>
        public static int ManifestLength(byte[] header)
        {
            for (int i = 0; i < 4; i++) if (header[i] != Magic[i]) return -1;
            int n = header[4] | (header[5] << 8) | (header[6] << 16) | (header[7] << 24);
            return n < 1 || n > BundleManifest.MaxLength ? -1 : n;
        }
    }
}
