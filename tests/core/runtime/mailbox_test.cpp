// The one way back to the owner's thread: a post from another thread runs on the owner's thread,
// later (never inside post()); after close() nothing runs, also what was posted before and is
// still queued; a destroyed mailbox drops its queued posts.
#include "core/runtime/mailbox.h"

#include <QtTest>
#include <thread>

using namespace deskbase;

class MailboxTest : public QObject {
    Q_OBJECT
private slots:
    void postRunsOnTheOwnersThreadLater() {
        Mailbox mailbox;
        std::thread::id ranOn;
        int runs = 0;
        std::thread worker([address = mailbox.address(), &ranOn, &runs] {
            address.post([&] {
                ranOn = std::this_thread::get_id();
                ++runs;
            });
        });
        worker.join();
        QCOMPARE(runs, 0);  // queued, not run inside post()
        QTRY_COMPARE(runs, 1);
        QVERIFY(ranOn == std::this_thread::get_id());
        // Posting on the owner's thread also waits for the event loop.
        mailbox.post([&] { ++runs; });
        QCOMPARE(runs, 1);
        QCoreApplication::processEvents();
        QCOMPARE(runs, 2);
    }

    void closeDropsQueuedAndLaterPosts() {
        Mailbox mailbox;
        const Mailbox::Address address = mailbox.address();
        int runs = 0;
        address.post([&] { ++runs; });  // queued before the close
        QVERIFY(address.isOpen());
        mailbox.close();
        QVERIFY(!address.isOpen());
        address.post([&] { ++runs; });  // after it
        QCoreApplication::processEvents();
        QCOMPARE(runs, 0);
    }

    void destroyedMailboxDropsItsPosts() {
        int runs = 0;
        Mailbox::Address address;
        {
            Mailbox mailbox;
            address = mailbox.address();
            address.post([&] { ++runs; });
        }
        address.post([&] { ++runs; });
        QCoreApplication::processEvents();
        QCOMPARE(runs, 0);
        Mailbox::Address none;  // an address of no mailbox drops everything too
        none.post([&] { ++runs; });
        QVERIFY(!none.isOpen());
        QCoreApplication::processEvents();
        QCOMPARE(runs, 0);
    }
};

QTEST_GUILESS_MAIN(MailboxTest)
#include "mailbox_test.moc"
