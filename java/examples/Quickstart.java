import com.realtimefinance.RealTimeFinanceClient;
import com.realtimefinance.RealTimeFinanceException;
import com.realtimefinance.Transaction;
import java.util.Iterator;

/**
 * Fetches one transaction and prints it, or prints the error and exits with
 * status 1.
 *
 * <p>With {@code java.net.http} alone, this needs the URL, the
 * {@code Authorization} header, the JSON parsing and the error handling by
 * hand. With the SDK, the client reads {@code REALTIME_FINANCE_SECRET_KEY}
 * (and {@code REALTIME_FINANCE_BASE_URL}, for example a local sandbox's)
 * itself, retries what is safe to retry, and throws one exception class per
 * kind of error.
 *
 * <p>Usage, with the jar and its dependencies on the class path (Java 11+
 * runs a single source file directly):
 * {@code java -cp <class path> Quickstart.java [TRANSACTION_ID]}. Without
 * an id, it fetches the newest transaction.
 */
public class Quickstart {
    public static void main(String[] arguments) {
        Transaction transaction;
        try (RealTimeFinanceClient client = RealTimeFinanceClient.fromEnvironment()) {
            String transactionId;
            if (arguments.length > 0) {
                transactionId = arguments[0];
            } else {
                Iterator<Transaction> newest = client.transactions().list().iterator();
                if (!newest.hasNext()) {
                    System.err.println("error: the account has no transactions; pass a transaction id");
                    System.exit(1);
                    return;
                }
                transactionId = newest.next().getId();
            }
            transaction = client.transactions().retrieve(transactionId);
        } catch (RealTimeFinanceException error) {
            System.err.println("error: " + error.getClass().getSimpleName() + ": " + error.getMessage());
            System.exit(1);
            return;
        }

        // Amounts are integers in minor units of the currency (cents for EUR).
        System.out.println(transaction.getId() + ": " + transaction.getDirection().getValue() + " of "
                + transaction.getAmount() + " minor units of " + transaction.getCurrency());
        System.out.println(transaction);
    }
}
