package org.imagesmith.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Brings a dirty primary file up to date from its transaction logs as Windows does at load time. New-format logs
 * (.LOG1, .LOG2) are applied first: the one whose first entry comes first, from the secondary sequence number of the
 * primary on, then the other when it continues the sequence. Otherwise an old-format log written at or after the
 * primary's last write has its dirty pages written over the hive bins data.
 *
 * @param file the recovered primary file: its base block with equal sequence numbers, the new hive bins data
 * @param applied the names of the logs applied, in order
 * @param entries the number of log entries (old-format logs count one) applied
 * @param highestSequenceNumber the highest sequence number any of the logs holds: a hive saved afterwards must use a
 *        higher one, so that no stale entry of these logs is ever taken as newer than it
 */
record LogRecovery(byte[] file, List<String> applied, int entries, int highestSequenceNumber) {

    /** The recovered file, or empty when no log applies to this primary file. */
    static Optional<LogRecovery> recover(byte[] primary, BaseBlock base, List<TransactionLog> logs) {
        int highest = Math.max(base.primarySequenceNumber(), base.secondarySequenceNumber());
        for (TransactionLog log : logs) {
            highest = Math.max(highest, Math.max(log.primarySequenceNumber(), log.secondarySequenceNumber()));
            for (TransactionLog.Entry entry : log.entries()) {
                highest = Math.max(highest, entry.sequenceNumber());
            }
        }
        List<TransactionLog> chosen = newFormatChain(base, logs);
        if (chosen.isEmpty()) {
            chosen = logs.stream().filter(log -> log.format() == TransactionLog.Format.OLD)
                    .filter(log -> Long.compareUnsigned(log.lastWritten(), base.lastWritten()) >= 0)
                    .filter(log -> !log.entries().isEmpty())
                    .max(Comparator.comparingInt(TransactionLog::primarySequenceNumber)).map(List::of).orElse(List.of());
        }
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        byte[] bins = Arrays.copyOfRange(primary, BaseBlock.SIZE, BaseBlock.SIZE + base.hiveBinsDataSize());
        int size = base.hiveBinsDataSize();
        int sequence = base.secondarySequenceNumber();
        int count = 0;
        TransactionLog last = null;
        List<String> applied = new ArrayList<>();
        apply:
        for (TransactionLog log : chosen) {
            for (TransactionLog.Entry entry : log.entries()) {
                long written = entry.pages().stream().mapToLong(page -> page.bytes().length).sum();
                if (entry.hiveBinsDataSize() > Math.max(bins.length, size) + written + BaseBlock.SIZE) {
                    // a hive grows by the bins an entry writes: a larger size is a damaged entry, and ends recovery
                    break apply;
                }
                size = entry.hiveBinsDataSize();
                if (bins.length < size) {
                    bins = Arrays.copyOf(bins, size);
                }
                for (TransactionLog.Page page : entry.pages()) {
                    System.arraycopy(page.bytes(), 0, bins, page.offset(), page.bytes().length);
                }
                sequence = log.format() == TransactionLog.Format.NEW ? entry.sequenceNumber() + 1
                        : base.primarySequenceNumber();
                count++;
                if (last != log) {
                    last = log;
                    applied.add(log.name());
                }
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        BaseBlock recovered = new BaseBlock(sequence, sequence, last.lastWritten(), base.majorVersion(),
                last.minorVersion(), BaseBlock.FILE_TYPE_PRIMARY, base.fileFormat(), last.rootCellOffset(), size,
                base.clusteringFactor(), base.fileName());
        byte[] file = new byte[BaseBlock.SIZE + size];
        System.arraycopy(recovered.toBytes(), 0, file, 0, BaseBlock.SIZE);
        System.arraycopy(bins, 0, file, BaseBlock.SIZE, size);
        return Optional.of(new LogRecovery(file, applied, count, Math.max(highest, sequence)));
    }

    /**
     * The new-format logs to apply, in order: the one that starts first if it reaches the primary's secondary
     * sequence number, followed by the other when its first entry follows the first one's last; else the other
     * alone when it does. Logs without entries to apply are left out.
     */
    private static List<TransactionLog> newFormatChain(BaseBlock base, List<TransactionLog> logs) {
        List<TransactionLog> candidates = new ArrayList<>(logs.stream()
                .filter(log -> log.format() == TransactionLog.Format.NEW).toList());
        // sequence numbers compare as wrapping counters, as Windows compares them
        candidates.sort((a, b) -> Integer.compare(a.primarySequenceNumber() - b.primarySequenceNumber(), 0));
        int start = base.secondarySequenceNumber();
        List<TransactionLog> chain = new ArrayList<>();
        for (TransactionLog log : candidates) {
            if (chain.isEmpty()) {
                if (log.primarySequenceNumber() - start >= 0) {
                    chain.add(log);
                }
            } else if (log.primarySequenceNumber() == chain.get(chain.size() - 1).nextSequenceNumber()) {
                chain.add(log);
            }
        }
        chain.removeIf(log -> log.entries().isEmpty());
        return chain;
    }
}
