/**
 * Netty adapters: connecting (TCP, unix sockets, TLS negotiation), framing inbound bytes into
 * backend messages, coalescing outbound writes, and sending cancel requests. Internal API.
 */
package io.pgjet.internal.net;
