// AboutDialog: the program's name, version, licence, a sentence on how it works, and which
// compute kernels it runs on.
#pragma once

#include <QDialog>

class QLabel;

namespace stepwise::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The version shown: the application's, or "development build" when main() set none.
    static QString versionText();
    // The compute-kernel line; "kernels: baseline" until kernels are dispatched at run time.
    static QString kernelText();

private:
    QLabel* kernels_;
};

} // namespace stepwise::ui
