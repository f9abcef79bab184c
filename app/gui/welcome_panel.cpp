#include "app/gui/welcome_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace deskbase::gui {

WelcomePanel::WelcomePanel(QWidget* parent)
    : QWidget(parent),
      demo_(new QPushButton(tr("Open the demo workspace"), this)),
      import_(new QPushButton(tr("Import files…"), this)) {
    setObjectName(QStringLiteral("welcomePanel"));
    auto* title = new QLabel(tr("<h2>This workspace is empty</h2>"), this);
    auto* text =
        new QLabel(tr("Drop CSV, TSV or JSON files anywhere on the window to turn them into tables, "
                      "or look around the demo: a small store with its orders, saved questions and a "
                      "sales dashboard."),
                   this);
    text->setWordWrap(true);
    text->setMaximumWidth(520);
    demo_->setObjectName(QStringLiteral("openDemoButton"));
    demo_->setDefault(true);
    import_->setObjectName(QStringLiteral("welcomeImportButton"));
    connect(demo_, &QPushButton::clicked, this, &WelcomePanel::demoRequested);
    connect(import_, &QPushButton::clicked, this, &WelcomePanel::importRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(demo_);
    buttons->addWidget(import_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    text->setAlignment(Qt::AlignHCenter);
}

}  // namespace deskbase::gui
