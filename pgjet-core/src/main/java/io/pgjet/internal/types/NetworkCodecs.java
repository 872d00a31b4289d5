package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.types.PgCidr;
import io.pgjet.types.PgInet;
import io.pgjet.types.PgMacAddr;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Codecs for {@code inet} (PgInet), {@code cidr} (PgCidr), {@code macaddr} and {@code macaddr8}
 * (PgMacAddr).
 *
 * <p>Wire format of inet/cidr: family (2 = IPv4, 3 = IPv6), mask bits, is-cidr flag, address
 * length, address bytes. inet also decodes to InetAddress (the address without its mask) and
 * encodes from InetAddress (as a host address, /32 or /128).
 */
final class NetworkCodecs {
    private static final int PGSQL_AF_INET = 2;
    private static final int PGSQL_AF_INET6 = 3;

    private NetworkCodecs() {
    }

    /** Codec for inet and cidr. */
    static final class InetCodec extends Codec {
        private final boolean cidr;

        InetCodec(boolean cidr) {
            super(cidr ? TypeOids.CIDR : TypeOids.INET, cidr ? "cidr" : "inet", cidr ? PgCidr.class : PgInet.class);
            this.cidr = cidr;
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            if (len < 4) {
                throw malformed("too short");
            }
            int family = buf[off];
            int bits = buf[off + 1] & 0xff;
            int n = buf[off + 3];
            if ((family != PGSQL_AF_INET || n != 4) && (family != PGSQL_AF_INET6 || n != 16) || len != 4 + n) {
                throw malformed("family " + family + " with " + n + " address bytes in " + len + " bytes");
            }
            byte[] addr = new byte[n];
            System.arraycopy(buf, off + 4, addr, 0, n);
            InetAddress a;
            try {
                a = n == 4 ? InetAddress.getByAddress(addr) : Inet6Address.getByAddress(null, addr, -1);
            } catch (UnknownHostException e) {
                throw malformed(e.getMessage());
            }
            try {
                return cidr ? new PgCidr(a, bits) : new PgInet(a, bits);
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (InetAddress.class.isAssignableFrom(target)) {
                Object v = decode(buf, off, len, ctx);
                InetAddress a = v instanceof PgInet ? ((PgInet) v).address() : ((PgCidr) v).address();
                if (!target.isInstance(a)) {
                    throw cannotDecodeAs(target);
                }
                return a;
            }
            if (!cidr && target == PgCidr.class || cidr && target == PgInet.class) {
                Object v = decode(buf, off, len, ctx);
                if (v instanceof PgCidr) {
                    return new PgInet(((PgCidr) v).address(), ((PgCidr) v).netmask());
                }
                try {
                    return new PgCidr(((PgInet) v).address(), ((PgInet) v).netmask());
                } catch (IllegalArgumentException e) {
                    throw new io.pgjet.PgInterfaceException("cannot decode inet " + v + " as cidr: " + e.getMessage());
                }
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            InetAddress a;
            int bits;
            if (value instanceof PgInet) {
                a = ((PgInet) value).address();
                bits = ((PgInet) value).netmask();
            } else if (value instanceof PgCidr) {
                a = ((PgCidr) value).address();
                bits = ((PgCidr) value).netmask();
            } else if (value instanceof InetAddress) {
                a = (InetAddress) value;
                bits = a instanceof Inet4Address ? 32 : 128;
            } else {
                throw cannotEncode(value);
            }
            if (cidr && !(value instanceof PgCidr)) {
                try {
                    new PgCidr(a, bits);
                } catch (IllegalArgumentException e) {
                    throw new io.pgjet.PgInterfaceException("cannot encode " + value + " as cidr: " + e.getMessage());
                }
            }
            byte[] b = a.getAddress();
            out.writeByte(b.length == 4 ? PGSQL_AF_INET : PGSQL_AF_INET6).writeByte(bits).writeByte(cidr ? 1 : 0)
                    .writeByte(b.length).writeBytes(b);
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgInet.class || type == PgCidr.class || InetAddress.class.isAssignableFrom(type);
        }
    }

    /** Codec for macaddr (6 bytes) and macaddr8 (8 bytes). */
    static final class MacAddrCodec extends Codec {
        private final int size;

        MacAddrCodec(boolean eight) {
            super(eight ? TypeOids.MACADDR8 : TypeOids.MACADDR, eight ? "macaddr8" : "macaddr", PgMacAddr.class);
            this.size = eight ? 8 : 6;
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, size);
            byte[] b = new byte[size];
            System.arraycopy(buf, off, b, 0, size);
            return PgMacAddr.of(b);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof PgMacAddr)) {
                throw cannotEncode(value);
            }
            PgMacAddr m = (PgMacAddr) value;
            if (m.length() == size) {
                out.writeBytes(m.bytes());
            } else if (size == 8) {
                // macaddr8 input turns a 6-byte address into EUI-64 by inserting FF:FE.
                byte[] b = m.bytes();
                out.writeBytes(b, 0, 3).writeByte(0xff).writeByte(0xfe).writeBytes(b, 3, 3);
            } else {
                throw outOfRange(value, "(macaddr has 6 bytes)");
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgMacAddr.class;
        }
    }
}
