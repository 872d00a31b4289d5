package io.pgjet.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.BackendHandler;
import io.pgjet.protocol.CopyResponse;
import io.pgjet.protocol.RowDescription;
import io.pgjet.protocol.ServerMessage;
import java.util.List;

/**
 * A {@link BackendHandler} that ignores every message except the hot ones, which it counts, so
 * a benchmark measures framing and dispatch rather than a handler's work.
 */
class NoOpBackendHandler implements BackendHandler {
    long rows;
    long completions;

    @Override
    public void dataRow(ByteBuf row) {
        rows++;
    }

    @Override
    public void commandComplete(String tag) {
        completions++;
    }

    @Override
    public void bindComplete() {
    }

    @Override
    public void parseComplete() {
    }

    @Override
    public void readyForQuery(byte transactionStatus) {
    }

    @Override
    public void rowDescription(RowDescription description) {
    }

    @Override
    public void parameterDescription(int[] typeOids) {
    }

    @Override
    public void noData() {
    }

    @Override
    public void portalSuspended() {
    }

    @Override
    public void closeComplete() {
    }

    @Override
    public void emptyQueryResponse() {
    }

    @Override
    public void errorResponse(ServerMessage error) {
    }

    @Override
    public void noticeResponse(ServerMessage notice) {
    }

    @Override
    public void notificationResponse(int processId, String channel, String payload) {
    }

    @Override
    public void parameterStatus(String name, String value) {
    }

    @Override
    public void backendKeyData(int processId, byte[] secretKey) {
    }

    @Override
    public void authenticationOk() {
    }

    @Override
    public void authenticationCleartextPassword() {
    }

    @Override
    public void authenticationMd5Password(byte[] salt) {
    }

    @Override
    public void authenticationSasl(List<String> mechanisms) {
    }

    @Override
    public void authenticationSaslContinue(byte[] data) {
    }

    @Override
    public void authenticationSaslFinal(byte[] data) {
    }

    @Override
    public void authenticationUnsupported(int code) {
    }

    @Override
    public void copyInResponse(CopyResponse response) {
    }

    @Override
    public void copyOutResponse(CopyResponse response) {
    }

    @Override
    public void copyBothResponse(CopyResponse response) {
    }

    @Override
    public void copyData(ByteBuf data) {
    }

    @Override
    public void copyDone() {
    }

    @Override
    public void negotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) {
    }

    @Override
    public void functionCallResponse(ByteBuf resultOrNull) {
    }
}
