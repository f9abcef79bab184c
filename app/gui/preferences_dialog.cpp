#include "app/gui/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

namespace deskbase::gui {

namespace {
constexpr int kSystemSize = 5;
}

PreferencesDialog::PreferencesDialog(const QString& theme, int editorFontSize, QWidget* parent)
    : QDialog(parent), theme_(new QComboBox(this)), fontSize_(new QSpinBox(this)) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    theme_->addItem(tr("Follow the system"), QStringLiteral("system"));
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->setCurrentIndex(std::max(0, theme_->findData(theme)));
    fontSize_->setRange(kSystemSize, 32);  // the minimum shows as "System default"
    fontSize_->setSpecialValueText(tr("System default"));
    fontSize_->setSuffix(tr(" pt"));
    fontSize_->setValue(editorFontSize > kSystemSize ? editorFontSize : kSystemSize);

    auto* form = new QFormLayout;
    form->addRow(tr("Theme:"), theme_);
    form->addRow(tr("SQL editor font size:"), fontSize_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString PreferencesDialog::theme() const {
    return theme_->currentData().toString();
}

int PreferencesDialog::editorFontSize() const {
    return fontSize_->value() == kSystemSize ? 0 : fontSize_->value();
}

}  // namespace deskbase::gui
