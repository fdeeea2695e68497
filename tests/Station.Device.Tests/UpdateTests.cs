using System;
using System.Reflection;
using nanoFramework.TestFramework;
using Station.Core.Update;
using Station.Device.Tests.Fakes;

namespace Station.Device.Tests
{
    /// <summary>The update path on the interpreter: a signed bundle stored on (fake) storage is verified with the
    /// portable code and its assembly loaded with Assembly.Load(byte[]); a tampered one is refused; the loader falls
    /// back after failed boots. The bundle was built by tools/Station.Bundle from a 268-byte .pe compiled for
    /// nanoFramework (Station.Update.Sample.Probe.Answer() returns 42), signed with the RFC 8032 TEST 1 key.</summary>
    [TestClass]
    public class UpdateTests
    {
        internal const string Board = "nanoclr";

        // RFC 8032 section 7.1, TEST 1 public key (its private key is published: a test key, never a release key).
        internal static readonly byte[] TestKey = Hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        internal const string SampleBundle = "U0ZCMa4AAABzdGF0aW9uLWJ1bmRsZSAxCmZpcm13YXJlIDAuMi4wCmNvbW1pdCB0ZXN0CmJvYXJkIG5hbm9jbHIKbWluLWxvYWRlciAxCmFzc2VtYmx5IFN0YXRpb24uVXBkYXRlLlNhbXBsZS5wZSAyNjggOTBkZGYyZDE2YmZhMTI1ODU1NTk5YWQzYWI1ZjNhZWMxNmY0ZTcxZDdiNTY3MDQyZGRiYTRmMmY0YzM4YTE0NQqofZCDDaT8gVeh4bgp7W0UfrSE5NMi+FDjcNEtuKy4N03yzZjwvb+JeJo45HNhbgSzoBKoKUQpylQPlH8+9roMTkZNUksxAAB7hiI+4aqgpAAAAAAAAAAA/////wAAAAAAAAAAAQABAHwAAACIAAAAkAAAAJAAAACYAAAAsAAAALAAAADQAAAA0AAAANAAAADQAAAA0AAAAPQAAAD8AAAADAEAAAwBAAAAAAAAAAAAAAAAAAAAAAAAAQIAANL8AAABABEACwAAALH+QP4AAAAA/v8AAAAAAAAXAAEAAID/////AAAAAQERAAAAAAAAARD+/wAAhhQAAAABAAH//wAAHQAGAJYAAAAHAAEBBgADAABTdGF0aW9uLlVwZGF0ZS5TYW1wbGUAUHJvYmUAQW5zd2VyACAAAAAABwcAAigAgAAqAB8qCisABioAAA==";

        internal static byte[] Hex(string s)
        {
            byte[] b = new byte[s.Length / 2];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)((Digit(s[2 * i]) << 4) | Digit(s[2 * i + 1]));
            return b;
        }

        private static int Digit(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

        private static BundleVerifier Verify(MemoryStorage storage)
        {
            BundleVerifier v = new BundleVerifier();
            v.Begin(storage, "slot-a.sfb", TestKey, Board, LoaderVersion.Current, 0);
            while (!v.Step(16)) { }
            return v;
        }

        private static MemoryStorage Stored(byte[] bundle)
        {
            MemoryStorage s = new MemoryStorage();
            s.Replace("slot-a.sfb", bundle, 0, bundle.Length);
            return s;
        }

        [TestMethod]
        public void A_signed_image_is_verified_then_loaded_from_storage_and_runs()
        {
            byte[] bundle = Convert.FromBase64String(SampleBundle);
            MemoryStorage storage = Stored(bundle);
            BundleVerifier v = Verify(storage);
            Assert.IsTrue(v.Passed, "refused: " + (int)v.Reason);
            BundleManifest m = v.Manifest;
            Assert.AreEqual("Station.Update.Sample.pe", m.AssemblyNames[0]);
            byte[] image = new byte[m.AssemblySizes[0]];
            int at = bundle.Length - image.Length;
            Assert.AreEqual(image.Length, storage.Read("slot-a.sfb", at, image, 0, image.Length));
            Assert.AreEqual((byte)'N', image[0]); // "NFMRK1": a nanoFramework .pe, not a .NET assembly
            Assert.AreEqual((byte)'K', image[4]);
#if NANOFRAMEWORK_1_0
            // Only the interpreter loads a .pe; the net10.0 run of this suite stops at the checks above.
            Assembly loaded = Assembly.Load(image);
            Type probe = loaded.GetType("Station.Update.Sample.Probe");
            Assert.IsNotNull(probe, "type not found in the loaded image");
            object answer = probe.GetMethod("Answer").Invoke(null, null);
            Assert.AreEqual(42, (int)answer);
#endif
        }

        [TestMethod]
        public void A_tampered_image_is_refused_before_anything_is_loaded()
        {
            byte[] bundle = Convert.FromBase64String(SampleBundle);
            bundle[bundle.Length - 20] ^= 0x01;
            Assert.AreEqual((int)UpdateReason.HashMismatch, (int)Verify(Stored(bundle)).Reason);
            byte[] resigned = Convert.FromBase64String(SampleBundle);
            resigned[8 + 20] ^= 0x01; // inside the manifest's version line: no longer the signed text
            Assert.AreNotEqual((int)UpdateReason.None, (int)Verify(Stored(resigned)).Reason);
        }

        [TestMethod]
        public void The_loader_falls_back_after_failed_boots_and_keeps_a_working_image()
        {
            MemoryStorage storage = new MemoryStorage();
            BootRecord r = new BootRecord();
            r.ConfirmedSlot = 1;
            BootSelector.StartTrial(r, 0, 0x200000000L);
            r.Save(storage);
            int slot = 0;
            for (int boot = 0; boot < 4; boot++)
            {
                BootRecord b = new BootRecord();
                Assert.IsTrue(b.Load(storage));
                slot = BootSelector.Choose(b, boot == 3);
                b.Save(storage);
                if (boot < 3) Assert.AreEqual(0, slot);
            }
            Assert.AreEqual(1, slot);
            BootRecord after = new BootRecord();
            after.Load(storage);
            Assert.AreEqual((int)UpdateReason.WatchdogReset, (int)after.LastOutcome);
            Assert.AreEqual(BootRecord.Factory, BootSelector.LoadFailed(after, 1));
        }

        [TestMethod]
        public void An_rfc8032_signature_verifies_on_the_interpreter_in_slices()
        {
            Ed25519Verifier v = new Ed25519Verifier();
            byte[] message = Hex("af82");
            v.Begin(Hex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025"),
                Hex("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"), message, 0, 2);
            int slices = 0;
            long longest = 0;
            long start = DateTime.UtcNow.Ticks;
            while (true)
            {
                long t = DateTime.UtcNow.Ticks;
                SignatureCheck s = v.Step(8);
                long took = DateTime.UtcNow.Ticks - t;
                if (took > longest) longest = took;
                slices++;
                if (s != SignatureCheck.Working) break;
            }
            long total = DateTime.UtcNow.Ticks - start;
            Assert.AreEqual((int)SignatureCheck.Valid, (int)v.State);
            // Bounded work per call: no slice (8 ladder bits, or decoding the key, or the final encoding) takes a
            // large share of the whole; check.sh's "Test passed" line gives the test's duration in 100 ns ticks.
            Assert.IsTrue(slices > 60, "slices: " + slices);
#if NANOFRAMEWORK_1_0
            // Timed on the interpreter only: on net10.0 the first slice also pays for the JIT.
            Assert.IsTrue(longest * 4 < total, "longest slice " + longest + " of " + total);
#endif
        }
    }
}
